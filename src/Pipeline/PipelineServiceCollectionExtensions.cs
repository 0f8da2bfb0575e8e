using Microsoft.Extensions.Options;
using SpeechQa.Batch.Settings;
using SpeechQa.Pipeline.Jobs;
using SpeechQa.Pipeline;
using SpeechQa.Pipeline.Repeats;
using SpeechQa.Pipeline.Search;

namespace Microsoft.Extensions.DependencyInjection;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the per-call pipeline stages (with the transcriber they use), the recorder-folder scan and the
    /// repeat-chain run as job handlers, and Hangfire as their job engine. <paramref name="catalog"/> sets attempts and
    /// back-off per job type (default: 5 attempts from 10 s doubling).
    /// </summary>
    public static IServiceCollection AddSpeechQaPipeline(this IServiceCollection services, JobTypeCatalog? catalog = null)
    {
        services.AddSingleton(catalog ?? new JobTypeCatalog());
        services.AddSingleton<JobHandlerRegistry>();
        services.AddSpeechQaTranscriber();
        services.AddSpeechQaSettings<PipelineSettings, PipelineSettingsValidation>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineSettings>>().Value.ToPipelineOptions());
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PipelineSettings>>().Value.ToScoringOptions());
        services.AddSpeechQaSettings<SpeechQa.Search.Elasticsearch.ElasticsearchSettings, SpeechQa.Search.Elasticsearch.ElasticsearchSettingsValidation>();
        services.AddSingleton<CallScoring>();
        services.AddSingleton<PipelinePreflight>();
        services.AddSingleton<IJobHandler, TranscribeStage>();
        services.AddSingleton<IJobHandler, AnalyzeStage>();
        services.AddSingleton<SearchIndexing>();
        services.AddSingleton<IJobHandler, IndexStage>();
        services.AddSingleton<RecordingSourceStore>();
        services.AddSingleton<IJobHandler, ScanRecorderFolderJob>();
        services.AddSingleton<RepeatStore>();
        services.AddSingleton<IJobHandler, RepeatAnalysisJob>();
        services.AddSingleton<JobRetryFilterProvider>();
        services.AddSingleton<HangfireJobEngine>();
        services.AddSingleton(sp => new PipelineJobQueue(sp.GetRequiredService<HangfireJobEngine>().Client, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<HangfireJobRunner>();
        services.AddSingleton<PipelineReconciler>();
        services.AddSingleton<RecurringScans>();
        services.AddSingleton<PipelineJobMonitor>();
        services.AddSingleton<HangfireWorkerHost>();
        return services;
    }
}
