using Gongkai.Web.Pages.Workspace;

namespace Gongkai.Web.Infrastructure;

/// <summary>The annual-report workspace's services (pages under /Workspace are found by Razor Pages).</summary>
public static class WorkspaceExtensions
{
    /// <summary>Registers <see cref="WorkspaceStore"/> and reads <c>Gongkai:AnnualReports</c> into <see cref="WorkspaceOptions"/>.</summary>
    public static WebApplicationBuilder AddGongkaiWorkspace(this WebApplicationBuilder builder)
    {
        var options = new WorkspaceOptions();
        builder.Configuration.GetSection("Gongkai:AnnualReports").Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<WorkspaceStore>();
        builder.Services.AddScoped<IAnnualTablesSource, CaseworkTablesSource>();
        return builder;
    }
}
