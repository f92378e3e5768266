/// English words of the closed classes — prepositions, conjunctions, pronouns, determiners and
/// adverbs of degree, place and time, with the stems contractions leave ("didn") — that are not
/// stop words (`StopWords`) and that WordNet, which holds only nouns, verbs, adjectives and adverbs,
/// lacks: known English, so a question's "toward" or "anytime" is never taken for a name.
public enum FunctionWords {
    public static let english: Set<String> = [
        // Prepositions
        "aboard", "across", "along", "alongside", "amid", "amidst", "among", "amongst", "around", "atop", "behind", "beneath",
        "beside", "besides", "beyond", "despite", "except", "inside", "onto", "opposite", "outside", "past", "per", "since",
        "throughout", "till", "toward", "towards", "underneath", "unlike", "unto", "upon", "versus", "via", "within", "without",
        // Conjunctions
        "although", "though", "unless", "whereas", "whether", "whilst", "whenever", "wherever", "whereby", "wherein", "lest",
        "yet", "either", "neither",
        // Pronouns and determiners
        "whose", "whoever", "whomever", "whatever", "whichever", "anyone", "anybody", "anything", "everyone", "everybody",
        "everything", "someone", "somebody", "something", "nobody", "nothing", "none", "noone", "another", "every", "much",
        "many", "several", "enough", "less", "least", "fewer", "fewest", "others", "oneself", "thee", "thou", "thy", "ye",
        // Adverbs of degree, place, time and connection
        "anytime", "anyway", "anyways", "anywhere", "anyhow", "everywhere", "somewhere", "nowhere", "sometime", "somehow",
        "else", "elsewhere", "hence", "thus", "therefore", "thereby", "therein", "meanwhile", "moreover", "furthermore",
        "nevertheless", "nonetheless", "otherwise", "instead", "indeed", "however", "also", "already", "almost", "perhaps",
        "maybe", "quite", "rather", "whence", "hither", "thither", "henceforth", "hereby", "herein", "etc",
        // Auxiliaries and what contractions leave
        "shall", "ought", "need", "dare", "didn", "doesn", "don", "isn", "aren", "wasn", "weren", "hasn", "haven", "hadn",
        "couldn", "wouldn", "shouldn", "mustn", "needn", "mightn", "shan", "won", "ll", "ve", "re",
        // Informal forms of speech
        "gonna", "wanna", "gotta", "okay", "ok", "hey", "yeah", "yep", "nope",
    ]
}
