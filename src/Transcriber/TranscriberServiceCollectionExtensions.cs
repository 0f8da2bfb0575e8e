using Microsoft.Extensions.Options;
using SpeechQa.Batch.Settings;
using SpeechQa.Transcriber;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Audio;

namespace Microsoft.Extensions.DependencyInjection;

public static class TranscriberServiceCollectionExtensions
{
    /// <summary>
    /// Registers audio decoding, acoustic analysis and the Whisper recogniser (loaded on first use when configured), with
    /// <paramref name="options"/> or else the settings bound from configuration (<see cref="TranscriberSettings"/>, checked at start).
    /// </summary>
    public static IServiceCollection AddSpeechQaTranscriber(this IServiceCollection services, TranscriberOptions? options = null)
    {
        services.AddSpeechQaSettings<TranscriberSettings, TranscriberSettingsValidation>();
        if (options is not null)
            services.AddSingleton(options);
        else
            services.AddSingleton(sp => sp.GetRequiredService<IOptions<TranscriberSettings>>().Value.ToOptions());
        services.AddSingleton(sp => new AudioDecoder(sp.GetRequiredService<TranscriberOptions>().FfmpegPath));
        services.AddSingleton(sp => new AcousticAnalyzer(new VoiceActivityDetector(sp.GetRequiredService<TranscriberOptions>().VoiceActivity)));
        services.AddSingleton<CallAudioAnalyzer>();
        services.AddSingleton<CallTranscriber>();
        return services;
    }
}
