using System.Net;

namespace SpeechQa.Tests.Portal;

/// <summary>Hangfire's dashboard at /hangfire: admins only, by the portal's own sign-in and roles (the admin's path is in PortalBrowserTests).</summary>
[Collection(PortalCollection.Name)]
public sealed class HangfireDashboardTests(PortalFixture portal)
{
    [Theory]
    [InlineData("inspector")]
    [InlineData("trainer")]
    [InlineData("manager")]
    [InlineData("a011")]
    public async Task Other_roles_are_refused(string user)
    {
        using var client = await portal.SignedInAsync(user);
        foreach (var path in new[] { "/hangfire", "/hangfire/jobs/failed", "/hangfire/stats" })
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Anonymous_goes_to_sign_in()
    {
        using var client = portal.Client();
        var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
