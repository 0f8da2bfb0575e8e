#!/usr/bin/env python3
"""scikit-learn reference for the classifier benchmark: the same features (word 1–2-grams and character 1–3-grams
of the tokens SpeechQa's jieba produced, TF-IDF with smooth IDF, L2 norm, min_df 2) and the same model (multinomial
logistic regression, L-BFGS, balanced class weights, L2 with C = 1 / (lambda * n)). Prints JSON figures.

    python3 sklearn_reference.py TRAIN.tsv TEST.tsv LAMBDA
Each line: LABEL<TAB>space-separated words<TAB>space-separated characters.
"""
import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score


def read(path):
    labels, docs = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            label, words, chars = line.rstrip('\n').split('\t')
            labels.append(label)
            docs.append((words.split(' ') if words else [], chars.split(' ') if chars else []))
    return labels, docs


def grams(doc):
    words, chars = doc
    out = []
    for tokens, longest, prefix in ((words, 2, 'w'), (chars, 3, 'c')):
        for i in range(len(tokens)):
            for n in range(1, longest + 1):
                if i + n <= len(tokens):
                    out.append(prefix + '\u0001'.join(tokens[i:i + n]))
    return out


def main():
    train_labels, train_docs = read(sys.argv[1])
    test_labels, test_docs = read(sys.argv[2])
    lam = float(sys.argv[3])
    start = time.perf_counter()
    vectorizer = TfidfVectorizer(analyzer=grams, min_df=2, smooth_idf=True, norm='l2')
    x = vectorizer.fit_transform(train_docs)
    model = LogisticRegression(solver='lbfgs', C=1.0 / (lam * len(train_labels)), class_weight='balanced', max_iter=300)
    model.fit(x, train_labels)
    fit = time.perf_counter() - start
    start = time.perf_counter()
    predicted = model.predict(vectorizer.transform(test_docs))
    score = time.perf_counter() - start
    print(json.dumps({'fit_s': fit, 'features': x.shape[1], 'score_s': score, 'test': len(test_labels),
                      'macro_f1': f1_score(test_labels, predicted, average='macro')}))


if __name__ == '__main__':
    main()
