using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SpeechQa.Batch.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>
    /// Registers an options class bound from the SpeechQa configuration (<see cref="SpeechQaConfiguration.Of"/>) and
    /// checked by <typeparamref name="TValidation"/> at start.
    /// </summary>
    public static IServiceCollection AddSpeechQaSettings<TSettings, TValidation>(this IServiceCollection services)
        where TSettings : class
        where TValidation : class, IValidateOptions<TSettings>
    {
        services.AddOptions<TSettings>().Configure<IServiceProvider>((settings, provider) => SpeechQaConfiguration.Of(provider).Bind(settings)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TSettings>, TValidation>();
        return services;
    }
}
