using Hangfire;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SpeechQa.QaPortal.Portal.Audit;
using SpeechQa.QaPortal.Portal.Reviews;
using SpeechQa.QaPortal.Portal.Users;

namespace SpeechQa.QaPortal.Portal;

/// <summary>
/// The portal's services and middleware: cookie sign-in (HttpOnly, SameSite=Strict, Secure whenever the request is
/// HTTPS, 8 h sliding), a fallback policy that makes every endpoint require a signed-in user unless it says otherwise,
/// role checks per endpoint, antiforgery tokens on every form. API calls get 401/403, pages a redirect to sign-in.
/// </summary>
public static class PortalHost
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddAuthentication(PortalEndpoints.Scheme).AddCookie(PortalEndpoints.Scheme, o =>
        {
            o.Cookie.Name = "speechqa-auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden),
            };
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        // The dashboard's services; it is given the pipeline's storage explicitly (HangfireJobEngine). Hangfire's own
        // default here would point its process-wide log provider at this container's factory; the bridge survives its disposal.
        services.AddHangfire((provider, configuration) => configuration.UseLogProvider(new SpeechQa.Pipeline.Jobs.HangfireLogBridge(
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "speechqa-csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddPortalPages();
        services.AddSingleton<PortalUserStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<HitReviewStore>();
        services.AddSingleton<AppealStore>();
        services.AddSingleton<Coaching.CoachingStore>();
        services.AddSingleton<PortalCalls>();
        services.AddSingleton<Dashboard>();
        services.AddSingleton<Reports.MonthlyReport>();
        services.AddSingleton<RuleSets.RuleReleaseStore>();
        services.AddSingleton<Assignments.CallAssignmentStore>();
        services.AddSingleton<RuleSets.RuleSetPublisher>();
        services.AddSingleton<SpeechQa.Pipeline.RuleBacktest>();
    }

    /// <summary>
    /// Page rendering: Razor components rendered on the server (RazorComponentResult), encoded by default, no interactivity.
    /// </summary>
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services.AddPageEncoder();
    }

    /// <summary>The pages' encoder: Chinese stays readable in the page source (and a third of the bytes); &lt;, &gt;, &amp; and quotes are still encoded.</summary>
    public static IServiceCollection AddPageEncoder(this IServiceCollection services) =>
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

    public static void UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            // Pages must not be framed or sniffed, and carry no third-party content.
            var headers = context.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; media-src 'self'; frame-ancestors 'none'";
            await next(context).ConfigureAwait(false);
        });
        // Bundled libraries (ECharts): public, cacheable, nothing about calls in them.
        var assets = Path.Combine(AppContext.BaseDirectory, "portal-assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(assets),
                RequestPath = "/assets",
            });
        }
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        PortalEndpoints.Map(app);
        // Hangfire's own dashboard (queues, retries, recurring jobs, servers), for admins only: its authorization is the
        // portal's (anonymous → sign-in, other roles → 403), not Hangfire's local-requests filter.
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AppPath = "/",
            DashboardTitle = "SpeechQa 任务 Jobs (Hangfire)",
            DisplayStorageConnectionString = false,
        }, app.Services.GetRequiredService<SpeechQa.Pipeline.Jobs.HangfireJobEngine>().Storage)
            .RequireAuthorization(policy => policy.RequireRole(PortalRole.Admin));
    }

    /// <summary>Where Hangfire's dashboard is served (admins only).</summary>
    public const string DashboardPath = "/hangfire";

    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status401Unauthorized && !context.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
