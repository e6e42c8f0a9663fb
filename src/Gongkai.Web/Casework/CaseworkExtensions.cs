using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;

namespace Gongkai.Web.Infrastructure;

public static class CaseworkExtensions
{
    /// <summary>
    /// The casework services. <c>Gongkai:Casework:CountingPolicy</c> names the counting policy
    /// (default <c>next-working-day</c>); <c>Gongkai:Casework:PauseWhileFeePayable</c> (default true).
    /// </summary>
    public static WebApplicationBuilder AddGongkaiCasework(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Gongkai:Casework");
        var policy = section["CountingPolicy"] is { Length: > 0 } name ? CountingPolicy.FromName(name) : CountingPolicy.Default;
        var rules = new CaseRules(WorkingDayCalendar.China, policy, section.GetValue("PauseWhileFeePayable", true));
        builder.Services.AddSingleton(rules);
        builder.Services.AddScoped<CaseService>();
        builder.Services.AddSingleton<DeadlineExplanations>();
        return builder;
    }
}
