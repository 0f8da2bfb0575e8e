using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SpeechQa.Batch.Settings;
using SpeechQa.Search.Elasticsearch;

namespace Microsoft.Extensions.DependencyInjection;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The Elasticsearch settings bound from configuration (SPEECHQA_ES_*) and checked at start.</summary>
    public static IServiceCollection AddSpeechQaSearchSettings(this IServiceCollection services)
    {
        services.AddOptions<ElasticsearchSettings>().Configure<IServiceProvider>((s, sp) => SpeechQaConfiguration.Of(sp).Bind(s)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ElasticsearchSettings>, ElasticsearchSettingsValidation>();
        return services;
    }
}
