// TEMP STUB
public enum StopWords { public static let english: Set<String> = ["the","a","an","of","is","are","was","to","in","on","and","or","what","why","how","who","does","do","did","it","its","that","this","with","for","be","about","us","there","from","by","as","at","so","still","will","has","have","think","say","says"] }
