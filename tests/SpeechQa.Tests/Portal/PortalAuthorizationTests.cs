using System.Net;
using SpeechQa.QaPortal.Portal;
using Xunit.Abstractions;

namespace SpeechQa.Tests.Portal;

/// <summary>
/// Every endpoint of <see cref="PortalEndpoints.All"/> with every role and anonymously: the server allows exactly what
/// the matrix says. A POST carries a valid antiforgery token, so what is tested is authorization, not CSRF.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalAuthorizationTests(PortalFixture portal, ITestOutputHelper output)
{
    private const string AgentsOwnCall = "S20241106-0007"; // agent A011

    [Fact]
    public async Task Every_endpoint_allows_exactly_the_roles_of_the_matrix()
    {
        var failures = new List<string>();
        foreach (var user in PortalFixture.Users.Cast<string?>().Prepend(null))
        {
            var role = user is null ? null : PortalFixture.RoleOf(user);
            using var client = user is null ? portal.Client() : await portal.SignedInAsync(user);
            // Sign-out last: it ends the session the other requests use.
            foreach (var endpoint in PortalEndpoints.All.OrderBy(e => e.Path == "/logout"))
            {
                var path = endpoint.Path.Replace("{id}", AgentsOwnCall, StringComparison.Ordinal).Replace("{rule}", "F04", StringComparison.Ordinal);
                HttpResponseMessage response;
                if (endpoint.Method == "GET")
                {
                    response = await client.GetAsync(path);
                }
                else
                {
                    // A wrong password for sign-in; a new account (a different name) for the users page.
                    var fields = endpoint.Path == "/login"
                        ? new Dictionary<string, string> { ["userName"] = "nobody", ["password"] = "wrong-password!" }
                        : new Dictionary<string, string> { ["decision"] = "confirmed", ["userName"] = "matrix-user", ["password"] = "long-enough-password", ["displayName"] = "x", ["role"] = "trainer", ["reason"] = "matrix", ["ruling"] = "matrix", ["upheld"] = "false" };
                    response = await PortalFixture.PostFormAsync(client, path, fields, "/login");
                }
                var status = (int)response.StatusCode;
                var toLogin = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true
                              && endpoint.Path != "/logout";
                var refused = status is 401 or 403 || toLogin;
                if (endpoint.Roles is null)
                    refused = status == 403; // anonymous endpoints: a wrong password (401 page) is still "allowed"
                var expected = !endpoint.Allows(role);
                output.WriteLine($"{role ?? "anonymous",-10} {endpoint.Method,-4} {path,-45} {status} {(refused ? "refused" : "allowed")}");
                if (refused != expected)
                    failures.Add($"{role ?? "anonymous"} {endpoint.Method} {path}: {status}, expected {(expected ? "refused" : "allowed")}");
            }
        }
        Assert.Empty(failures);
    }
}
