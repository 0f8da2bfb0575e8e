using SpeechQa.Transcriber;
using SpeechQa.Transcriber.Acoustics;
using SpeechQa.Transcriber.Audio;

namespace Microsoft.Extensions.DependencyInjection;

public static class TranscriberServiceCollectionExtensions
{
    /// <summary>Registers audio decoding, acoustic analysis and the Whisper recogniser (loaded on first use when configured).</summary>
    public static IServiceCollection AddSpeechQaTranscriber(this IServiceCollection services, TranscriberOptions? options = null)
    {
        var settings = options ?? new TranscriberOptions();
        services.AddSingleton(settings);
        services.AddSingleton(new AudioDecoder(settings.FfmpegPath));
        services.AddSingleton(new AcousticAnalyzer(new VoiceActivityDetector(settings.VoiceActivity)));
        services.AddSingleton<CallAudioAnalyzer>();
        services.AddSingleton<CallTranscriber>();
        return services;
    }
}
