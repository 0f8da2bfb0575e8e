using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.IndexManagement;
using Elastic.Clients.Elasticsearch.Mapping;

namespace SpeechQa.Search.Elasticsearch;

/// <summary>
/// The index template: explicit, strict mappings of <see cref="CallSource"/> (a field the mapping does not name is
/// refused rather than guessed). Segments are <c>nested</c> so that a phrase, its speaker and its time must hold in
/// the same segment; tokens and characters are pre-cut by our jieba and indexed with the built-in <c>whitespace</c>
/// analyzer, so the cluster needs no Chinese analysis plugin.
/// </summary>
public static class ElasticsearchMapping
{
    public static PutIndexTemplateRequest Template(string templateName, string indexName) => new(templateName)
    {
        IndexPatterns = Indices.Parse(indexName + "*"),
        Template = new IndexTemplateMapping
        {
            Settings = new IndexSettings { NumberOfShards = "1" },
            Mappings = new TypeMapping
            {
                Dynamic = DynamicMapping.Strict,
                Properties = new Properties
                {
                    { "call_id", new KeywordProperty() },
                    { "started_at", new DateProperty() },
                    { "direction", new KeywordProperty() },
                    { "agent_id", new KeywordProperty() },
                    { "agent_name", new KeywordProperty() },
                    { "team", new KeywordProperty() },
                    { "region", new KeywordProperty() },
                    { "queue", new KeywordProperty() },
                    { "category", new KeywordProperty() },
                    { "score", new IntegerNumberProperty() },
                    { "sort_score", new IntegerNumberProperty() },
                    { "fatal", new BooleanProperty() },
                    { "duration_s", new FloatNumberProperty() },
                    // A rule's severity is fixed, so rule and severity never need pairing: a plain object array will do.
                    { "hits", new ObjectProperty { Properties = new Properties { { "rule", new KeywordProperty() }, { "severity", new KeywordProperty() } } } },
                    {
                        "segments", new NestedProperty
                        {
                            Properties = new Properties
                            {
                                { "speaker", new KeywordProperty() },
                                { "start", new FloatNumberProperty() },
                                { "end", new FloatNumberProperty() },
                                { "to_end", new FloatNumberProperty() },
                                { "text", new TextProperty { Index = false } },
                                { "tokens", new TextProperty { Analyzer = "whitespace" } },
                                { "chars", new TextProperty { Analyzer = "whitespace" } },
                            },
                        }
                    },
                    {
                        "repeat", new ObjectProperty
                        {
                            Properties = new Properties { { "chain_id", new KeywordProperty() }, { "position", new IntegerNumberProperty() }, { "root_cause", new KeywordProperty() } },
                        }
                    },
                },
            },
        },
    };

    public static string Field(TermsField field) => field switch
    {
        TermsField.Agent => "agent_id",
        TermsField.Team => "team",
        TermsField.Region => "region",
        TermsField.Queue => "queue",
        TermsField.Category => "category",
        TermsField.Rule => "hits.rule",
        TermsField.Severity => "hits.severity",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };
}
