using Microsoft.ML;
using Microsoft.ML.Data;

namespace SpeechQa.Training;

/// <summary>
/// One labelled text as ML.NET sees it. <see cref="Label"/> is a key over the ordinally sorted labels (the field
/// holds the 0-based index; read back from a column it is index + 1), so the probabilities come out in the order
/// the ONNX export and the metadata use.
/// </summary>
internal sealed class ExampleRow
{
    public uint Label { get; set; }

    public string Text { get; set; } = "";

    /// <summary>"agent", "customer", or empty for a model without speaker input.</summary>
    public string Speaker { get; set; } = "";

    /// <summary>The cross-validation sampling key: variants of one core phrase stay in one fold.</summary>
    public string Group { get; set; } = "";

    public static SchemaDefinition Schema(int classes)
    {
        var schema = SchemaDefinition.Create(typeof(ExampleRow));
        schema[nameof(Label)].ColumnType = new KeyDataViewType(typeof(uint), classes);
        return schema;
    }
}

/// <summary>The project's TF-IDF vector of a text and its balanced class weight.</summary>
internal sealed class FeatureRow
{
    public VBuffer<float> Features { get; set; }

    public float Weight { get; set; }

    public static SchemaDefinition Schema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }
}

/// <summary>What the prediction engine returns: probabilities over all labels (key order).</summary>
internal sealed class ScoreRow
{
    public float[] Score { get; set; } = [];
}
