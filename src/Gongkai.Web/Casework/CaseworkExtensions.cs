using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Web.Casework;
using Gongkai.Web.Notices;

namespace Gongkai.Web.Infrastructure;

public static class CaseworkExtensions
{
    /// <summary>
    /// The casework services. <c>Gongkai:Casework:CountingPolicy</c> names the counting policy
    /// (default <c>next-working-day</c>); <c>Gongkai:Casework:PauseWhileFeePayable</c> (default true). The calendar is
    /// <see cref="CalendarService.Current"/> (embedded data plus the notices loaded by administrators): every
    /// <see cref="CaseRules"/> and <see cref="WorkingDayCalendar"/> resolved from DI is the one in force.
    /// </summary>
    public static WebApplicationBuilder AddGongkaiCasework(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Gongkai:Casework");
        var policy = section["CountingPolicy"] is { Length: > 0 } name ? CountingPolicy.FromName(name) : CountingPolicy.Default;
        var rules = new CaseRules(WorkingDayCalendar.China, policy, section.GetValue("PauseWhileFeePayable", true));
        builder.Services.AddSingleton<CalendarService>();
        builder.Services.AddTransient(sp => rules with { Calendar = sp.GetRequiredService<CalendarService>().Current });
        builder.Services.AddTransient(sp => sp.GetRequiredService<CalendarService>().Current);
        builder.Services.AddScoped<HolidayNoticeLoader>();
        builder.Services.AddScoped<CaseService>();
        builder.Services.AddScoped<CaseRouting>();
        builder.Services.AddScoped<Gongkai.Data.Letters.LetterNumberAllocator>();
        builder.Services.AddScoped<Gongkai.Web.Letters.CaseLetters>();
        builder.Services.AddSingleton<DeadlineExplanations>();
        builder.Services.AddSingleton<TrackingAccess>();
        builder.AddGongkaiNotices();
        return builder;
    }
}
