using Gongkai.Web.Annual;

namespace Gongkai.Web.Infrastructure;

public static class CaseworkExtensions
{
    public static WebApplicationBuilder AddGongkaiCasework(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportStore>();
        return builder;
    }
}
