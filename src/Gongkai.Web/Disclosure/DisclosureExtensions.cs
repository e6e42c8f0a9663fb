using Gongkai.Web.Disclosure;

namespace Gongkai.Web.Infrastructure;

public static class DisclosureExtensions
{
    /// <summary>The proactive-disclosure services: the <see cref="DisclosureDesk"/> (scoped).</summary>
    public static WebApplicationBuilder AddGongkaiDisclosure(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DisclosureDesk>();
        return builder;
    }
}
