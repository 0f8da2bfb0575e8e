namespace SpeechQa.Tests.Portal;

/// <summary>One seeded portal for all portal tests (seeding runs the real pipeline).</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>
{
    public const string Name = "portal";
}
