using SpeechQa.Batch.Transcripts;
using SpeechQa.Scoring.Dialogue;
using SpeechQa.Scoring.Text;

namespace SpeechQa.Scoring.Rules;

/// <summary>
/// Everything the rules may look at for one call: its sentences (transcript segments in time order, with
/// segmented words), call metadata, and what was measured on the audio when there is audio. Scoring knows no
/// audio files: the host hands measurements in as <see cref="MeasuredAudio"/>.
/// </summary>
public sealed class CallView
{
    private readonly string[]?[] _words;
    private (DialogueCues Cues, DialogueState State)? _dialogue;

    /// <param name="segmentation">The memo of another view of the same call (its words cut once for both); a new one from <paramref name="segmenter"/> otherwise.</param>
    public CallView(Transcript transcript, CallMetadata metadata, MeasuredAudio? audio = null, WordSegmenter? segmenter = null,
        SegmentationMemo? segmentation = null)
    {
        CallId = transcript.CallId;
        Sentences = [.. transcript.Segments.OrderBy(s => s.Start).ThenBy(s => s.End)];
        Metadata = metadata;
        Audio = audio;
        Segmentation = segmentation ?? (segmenter is null ? null : new SegmentationMemo(segmenter));
        _words = new string[]?[Sentences.Count];
        Duration = metadata.DurationSeconds ?? audio?.DurationSeconds ?? (Sentences.Count == 0 ? 0 : Sentences.Max(s => s.End));
    }

    private CallView(CallView view, IReadOnlyList<IReadOnlyDictionary<string, double>>? sentenceLabels)
    {
        CallId = view.CallId;
        Sentences = view.Sentences;
        Metadata = view.Metadata;
        Audio = view.Audio;
        Segmentation = view.Segmentation;
        _words = new string[]?[Sentences.Count];
        Duration = view.Duration;
        SentenceLabels = sentenceLabels;
    }

    /// <summary>The same call with the act model's labels: the sentences and their words are kept, the dialogue state is read anew.</summary>
    public CallView WithSentenceLabels(IReadOnlyList<IReadOnlyDictionary<string, double>>? sentenceLabels) => new(this, sentenceLabels);

    /// <summary>The words of this call's texts, cut once for every reader (null without a segmenter).</summary>
    public SegmentationMemo? Segmentation { get; }

    public string CallId { get; }

    public IReadOnlyList<TranscriptSegment> Sentences { get; }

    public CallMetadata Metadata { get; }

    public MeasuredAudio? Audio { get; }

    public double Duration { get; }

    /// <summary>Per-sentence labels of the behaviour classifier (label → probability), when one ran.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>>? SentenceLabels { get; init; }

    /// <summary>The call's dialogue state read with these cues, computed once on first use and shared by every rule.</summary>
    public DialogueState DialogueState(DialogueCues cues)
    {
        if (_dialogue is { } known && ReferenceEquals(known.Cues, cues))
            return known.State;
        var state = Dialogue.DialogueState.Read(this, cues);
        _dialogue = (cues, state);
        return state;
    }

    /// <summary>The words of a sentence (jieba with the hotline dictionary), segmented once on first use.</summary>
    public IReadOnlyList<string> WordsOf(int sentence)
    {
        if (Segmentation is null)
            throw new InvalidOperationException("this call view has no word segmenter; word-mode keywords need one");
        if (_words[sentence] is { } known)
            return known;
        var text = Sentences[sentence].Text;
        var spans = Segmentation.Spans(text);
        var words = new string[spans.Count];
        for (var k = 0; k < words.Length; k++)
            words[k] = spans[k].Of(text);
        return _words[sentence] = words;
    }
}

/// <summary>Call fields the rules can test (formats.md §1 plus what the pipeline derives).</summary>
public sealed record CallMetadata
{
    public string? Direction { get; init; }
    public string? HangupBy { get; init; }
    public string? Queue { get; init; }
    public string? Category { get; init; }
    public string? Region { get; init; }
    public double? DurationSeconds { get; init; }

    public string? Field(string name) => name switch
    {
        "direction" => Direction,
        "hangup_by" => HangupBy,
        "queue" => Queue,
        "category" => Category,
        "region" => Region,
        "duration" => DurationSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    public static readonly IReadOnlySet<string> Fields = new HashSet<string> { "direction", "hangup_by", "queue", "category", "region", "duration" };
}

/// <summary>Measurements from the recording (the Transcriber's acoustic metrics, in Scoring's own terms).</summary>
public sealed record MeasuredAudio(
    double DurationSeconds,
    IReadOnlyList<(double Start, double End)> Silences,
    IReadOnlyList<(double Start, double End, Speaker Interrupter)> Overlaps,
    IReadOnlyList<(double Start, double End, Speaker Speaker, double RelativeLoudnessDb)> Loudness);
