using SpeechQa.Batch.Transcripts;

namespace SpeechQa.Scoring.Classification;

/// <summary>
/// The dialogue acts of one transcript sentence: the best act with its probability, every act's probability
/// (the map the rules' <c>classifier</c> condition reads), all from the whole sentence, and the act of each clause
/// (the sentence itself when it has one clause).
/// A sentence without a known speaker gets act "none" with p 0 and an empty map.
/// </summary>
public sealed record DialogueActs(int Sentence, Speaker Speaker, string Act, double P, IReadOnlyDictionary<string, double> Probabilities, IReadOnlyList<ClauseAct> Clauses)
{
    public const string None = "none";
}

/// <summary>One clause of a sentence (cut at ，；。？！) with its best act.</summary>
public sealed record ClauseAct(string Text, string Act, double P);
