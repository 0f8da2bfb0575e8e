using Microsoft.Extensions.Configuration;

namespace SpeechQa.Batch.Settings;

/// <summary>
/// Where settings come from: environment variables <c>SPEECHQA_*</c>, the prefix dropped (SPEECHQA_ES_URL is the key
/// ES_URL). Options classes name their keys with <see cref="ConfigurationKeyNameAttribute"/> and are bound from here,
/// or from the host's configuration when one is registered (the portal adds the same variables to its own).
/// </summary>
public static class SpeechQaConfiguration
{
    public const string Prefix = "SPEECHQA_";

    public static IConfiguration FromEnvironment() => new ConfigurationBuilder().AddEnvironmentVariables(Prefix).Build();

    /// <summary>The registered configuration, else the environment's.</summary>
    public static IConfiguration Of(IServiceProvider services) =>
        (services ?? throw new ArgumentNullException(nameof(services))).GetService(typeof(IConfiguration)) as IConfiguration ?? FromEnvironment();

    /// <summary>An options class bound from the environment, for code that runs outside a container.</summary>
    public static T Bind<T>() where T : new()
    {
        var options = new T();
        FromEnvironment().Bind(options);
        return options;
    }
}
