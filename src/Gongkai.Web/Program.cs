using Gongkai.Data;
using Gongkai.Web.AnnualReports;
using Gongkai.Web.Api;
using Gongkai.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddGongkaiData(builder.Configuration);
builder.AddGongkaiIdentity();
builder.AddGongkaiWeb();
builder.AddGongkaiCasework();
builder.AddGongkaiAnnualReports();
builder.AddGongkaiDisclosure();

var app = builder.Build();

await app.InitialiseDatabaseAsync();
app.UseGongkaiPipeline();

app.MapRazorPages();
app.MapOpenApi();
app.MapCaseApi();
app.MapRegisterApi();
app.MapReportApi();
app.MapDisclosureFeeds();

app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
