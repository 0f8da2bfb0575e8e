using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using SpeechQa.Scoring.Classification;

namespace SpeechQa.Training;

/// <summary>
/// The project's featurizer as an ML.NET estimator: <see cref="Fit"/> builds the <see cref="TextFeatureSpace"/>
/// (vocabulary and IDF) and the balanced class weights from the rows it is given, so inside ML.NET's
/// cross-validation each fold's features come from its training part only.
/// </summary>
internal sealed class TextFeaturesEstimator(MLContext ml, ClassifierTokens tokens, int classes, int minDocuments, int maxFeatures)
    : IEstimator<TextFeaturesTransformer>
{
    public TextFeaturesTransformer Fit(IDataView input)
    {
        // GetColumn reads raw keys (1 = first label); CreateEnumerable into a uint field would shift them by one.
        var keys = input.GetColumn<uint>(input.Schema[nameof(ExampleRow.Label)]).ToList();
        var texts = input.GetColumn<string>(input.Schema[nameof(ExampleRow.Text)]).ToList();
        var speakers = input.GetColumn<string>(input.Schema[nameof(ExampleRow.Speaker)]).ToList();
        var space = TextFeatureSpace.Build([.. texts.Select((t, i) => tokens.Of(t, speakers[i].Length == 0 ? null : speakers[i]))], minDocuments, maxFeatures);
        var classWeights = SoftmaxRegression.BalancedClassWeights([.. keys.Where(k => k > 0).Select(k => (int)k - 1)], classes);
        var mapping = Mapping(space.Dimension, (source, target) =>
        {
            var (words, chars) = tokens.Of(source.Text, SpeakerOf(source));
            var v = space.Vectorize(space.Encode(words, chars));
            target.Features = new VBuffer<float>(space.Dimension, v.Indices.Length, [.. v.Values.Select(x => (float)x)], v.Indices);
            target.Weight = source.Label > 0 && source.Label <= classes ? (float)classWeights[source.Label - 1] : 1f;
        });
        return new TextFeaturesTransformer(space, mapping.Fit(input));
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => Mapping(1, (_, _) => { }).GetOutputSchema(inputSchema);

    private CustomMappingEstimator<ExampleRow, FeatureRow> Mapping(int dimension, Action<ExampleRow, FeatureRow> map) =>
        // No contract name: the fitted pipeline is never saved in ML.NET's format (the product ships ONNX).
        ml.Transforms.CustomMapping(map, contractName: null, ExampleRow.Schema(classes), FeatureRow.Schema(dimension));

    private static string? SpeakerOf(ExampleRow row) => row.Speaker.Length == 0 ? null : row.Speaker;
}

/// <summary>The fitted featurizer: its feature space (for the ONNX export) and the ML.NET mapping that applies it.</summary>
internal sealed class TextFeaturesTransformer(TextFeatureSpace space, ITransformer mapping) : ITransformer
{
    public TextFeatureSpace Space => space;

    public bool IsRowToRowMapper => mapping.IsRowToRowMapper;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => mapping.GetOutputSchema(inputSchema);

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => mapping.GetRowToRowMapper(inputSchema);

    public IDataView Transform(IDataView input) => mapping.Transform(input);

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("the SpeechQa featurizer is not saved in ML.NET's format: the model is exported as ONNX (TextClassifierOnnx)");
}
