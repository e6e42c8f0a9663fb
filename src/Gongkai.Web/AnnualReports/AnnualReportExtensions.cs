

namespace Gongkai.Web.AnnualReports;

/// <summary>The annual-report workspace's services (pages under /Workspace are found by Razor Pages).</summary>
public static class AnnualReportExtensions
{
    /// <summary>Registers <see cref="AnnualReportStore"/> and reads <c>Gongkai:AnnualReports</c> into <see cref="AnnualReportOptions"/>.</summary>
    public static WebApplicationBuilder AddGongkaiAnnualReports(this WebApplicationBuilder builder)
    {
        var options = new AnnualReportOptions();
        builder.Configuration.GetSection("Gongkai:AnnualReports").Bind(options);
        builder.Services.AddSingleton(options);
        builder.Services.AddScoped<AnnualReportStore>();
        builder.Services.AddScoped<IAnnualTablesSource, CaseworkTablesSource>();
        return builder;
    }
}
