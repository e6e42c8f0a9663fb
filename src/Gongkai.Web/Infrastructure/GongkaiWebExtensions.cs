using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Infrastructure;

/// <summary>The application's services and pipeline, so Program.cs reads as a table of contents.</summary>
public static class GongkaiWebExtensions
{
    /// <summary>The largest report file accepted: the import's own budget, the same as the CLI's (<see cref="Gongkai.Import.ImportLimits.MaxFileBytes"/>).</summary>
    public const long MaxUploadBytes = Gongkai.Import.ImportLimits.MaxFileBytes;

    /// <summary>The rate limiter policy of the public application form.</summary>
    public const string PortalApplyLimit = "portal-apply";

    /// <summary>The rate limiter policy of the sign-in form (posts per address per minute).</summary>
    public const string LoginLimit = "login";

    public static WebApplicationBuilder AddGongkaiIdentity(this WebApplicationBuilder builder)
    {
        builder.Services
            .AddIdentity<GongkaiUser, IdentityRole>(o =>
            {
                // Per account, from any address; one address is stopped earlier by LoginThrottle.
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Gongkai:Identity:LockoutFailures", 10);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddClaimsPrincipalFactory<GongkaiClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();

        // How often a session cookie is checked against the account (security stamp, roles): a
        // disabled account or a reset password ends existing sessions, and a new role takes effect,
        // within this many seconds. 0 checks on every request (one more query per request).
        var recheck = builder.Configuration.GetValue("Gongkai:Identity:SessionRecheckSeconds", 60);
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, recheck)));
        builder.Services.AddSingleton<LoginThrottle>();

        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "gongkai.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API answers 401/403 instead of redirecting to the login page.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, StatusCodes.Status401Unauthorized, () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx.HttpContext, StatusCodes.Status403Forbidden, () => ctx.Response.Redirect(ctx.RedirectUri));
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Desk, p => p.RequireRole(Roles.Officer, Roles.Approver).RequireClaim(GongkaiClaims.AgencyId))
            .AddPolicy(Policies.Approve, p => p.RequireRole(Roles.Approver).RequireClaim(GongkaiClaims.AgencyId))
            .AddPolicy(Policies.Supervise, p => p.RequireRole(Roles.Supervisor).RequireClaim(GongkaiClaims.AgencyId))
            .AddPolicy(Policies.Reports, p => p.RequireRole(Roles.Supervisor, Roles.Officer, Roles.Approver).RequireClaim(GongkaiClaims.AgencyId))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.Admin));
        return builder;
    }

    private static Task ApiOr(HttpContext http, int status, Action redirect)
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = status;
        }
        else
        {
            redirect();
        }

        return Task.CompletedTask;
    }

    public static WebApplicationBuilder AddGongkaiWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentStaff>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<StaffAccounts>();
        services.AddScoped<Gongkai.Web.Agencies.AgencyAdmin>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            Conflicts.Describe(ctx);
            RequestSizeLimit.Describe(ctx);
        });
        // Chinese text is written as characters, not &#x…; entities (still HTML-encoded where it matters).
        services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOpenApi();
        services.AddRazorPages(o =>
        {
            o.Conventions.AllowAnonymousToPage("/Error");
            o.Conventions.AuthorizeFolder("/Office", Policies.Desk);
            o.Conventions.AuthorizeFolder("/Supervisor", Policies.Supervise);
            o.Conventions.AuthorizePage("/Reports/Upload", Policies.Reports);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Administer);
            o.Conventions.AllowAnonymousToFolder("/Portal");
            // Signing in and out is for anyone; the rest of /Account (home, own password) needs a signed-in user.
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Logout");
            o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            o.Conventions.AuthorizePage("/Account/Password");
        }).AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, _) => FormCodes.Localizer);
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o =>
        {
            // Model binding messages in Chinese (a date or number that cannot be read, a missing value).
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => FormCodes.Zh(FormCodes.ValueInvalid, value));
            m.SetValueIsInvalidAccessor(value => FormCodes.Zh(FormCodes.ValueInvalid, value));
            m.SetValueMustBeANumberAccessor(field => FormCodes.Zh(FormCodes.NumberRequired));
            m.SetValueMustNotBeNullAccessor(value => FormCodes.Zh(FormCodes.ValueRequired));
            m.SetMissingBindRequiredValueAccessor(field => FormCodes.Zh(FormCodes.ValueRequired));
            m.SetMissingKeyOrValueAccessor(() => FormCodes.Zh(FormCodes.ValueRequired));
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => FormCodes.Zh(FormCodes.ValueInvalid, value));
            m.SetUnknownValueIsInvalidAccessor(field => FormCodes.Zh(FormCodes.UnknownValueInvalid));
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => FormCodes.Zh(FormCodes.UnknownValueInvalid));
            m.SetNonPropertyValueMustBeANumberAccessor(() => FormCodes.Zh(FormCodes.NumberRequired));
            m.SetMissingRequestBodyRequiredValueAccessor(() => FormCodes.Zh(FormCodes.BodyRequired));
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "gongkai.af";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxUploadBytes);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = RequestSizeLimit.MaxRequestBytes);

        var permitPerMinute = builder.Configuration.GetValue("Gongkai:Portal:ApplicationsPerMinute", 5);
        var loginsPerMinute = builder.Configuration.GetValue("Gongkai:Identity:LoginsPerAddressPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only submissions count: reading the form is free.
            o.AddPolicy(PortalApplyLimit, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(LoginLimit, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                "login " + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = loginsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(
                    ctx.HttpContext.Request.Path.StartsWithSegments("/Account/Login")
                        ? "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求过于频繁</title></head><body><main><h1>请求过于频繁</h1><p>登录尝试次数过多，请一分钟后再试。</p><p><a href=\"/Account/Login\">返回登录页面</a></p></main></body></html>"
                        : "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求过于频繁</title></head><body><main><h1>请求过于频繁</h1><p>提交次数过多，请稍后再试。</p><p><a href=\"/Portal/Apply\">返回申请页面</a></p></main></body></html>",
                    ct);
            };
        });
        services.AddRequestLocalization(o =>
        {
            var zh = new CultureInfo("zh-CN");
            o.DefaultRequestCulture = new RequestCulture(zh);
            o.SupportedCultures = [zh];
            o.SupportedUICultures = [zh];
        });
        return builder;
    }

    /// <summary>Errors: ProblemDetails under /api, a friendly Chinese page elsewhere; never a stack trace.</summary>
    public static WebApplication UseGongkaiErrorHandling(this WebApplication app)
    {
        app.UseWhen(
            ctx => ctx.Request.Path.StartsWithSegments("/api"),
            api =>
            {
                api.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    StatusCodeSelector = ex => ex.IsLostRace() ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError,
                });
                api.UseStatusCodePages();
            });
        app.UseWhen(
            ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            ui =>
            {
                ui.UseExceptionHandler("/Error");
                ui.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
            });
        return app;
    }

    public static WebApplication UseGongkaiPipeline(this WebApplication app)
    {
        app.UseGongkaiErrorHandling();
        app.UseRequestSizeLimit();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "SAMEORIGIN";
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'";
            await next();
        });
        app.UseRequestLocalization();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }
}
