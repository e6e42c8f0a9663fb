using System.Net;
using Gongkai.Data;
using Gongkai.Data.Letters;
using Gongkai.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Web.Tests.Letters;

/// <summary>文号 of letters on both databases: gapless and collision-free under concurrency, fixed once allocated.</summary>
public sealed class LetterNumberTests
{
    [DatabaseTheory]
    public async Task ConcurrentAllocations_DifferentLetters_GetConsecutiveDistinctNumbers(Db db)
    {
        await using var app = new GongkaiApp(db, casesPerAgency: 1);
        _ = app.Server;
        var (caseId, agencyId) = await AnyCaseAsync(app);

        // Two at once, then a crowd: every letter gets its own number, 1..n with no gap.
        var numbers = new List<long>();
        foreach (var batch in new[] { 2, 18 })
        {
            var start = numbers.Count;
            numbers.AddRange(await Task.WhenAll(Enumerable.Range(start, batch).Select(async i =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var allocator = scope.ServiceProvider.GetRequiredService<LetterNumberAllocator>();
                var row = await allocator.GetOrAllocateAsync(new LetterNumberRequest(caseId, i + 1, "reply", agencyId, 2031), n => $"测〔2031〕{n}号");
                Assert.Equal($"测〔2031〕{row.Number}号", row.DocumentNumber);
                return row.Number;
            })));
        }

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), numbers.Order());
    }

    [DatabaseTheory]
    public async Task ConcurrentAllocations_SameLetter_GetTheSameNumber(Db db)
    {
        await using var app = new GongkaiApp(db, casesPerAgency: 1);
        _ = app.Server;
        var (caseId, agencyId) = await AnyCaseAsync(app);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var allocator = scope.ServiceProvider.GetRequiredService<LetterNumberAllocator>();
            return (await allocator.GetOrAllocateAsync(new LetterNumberRequest(caseId, 1, "receipt", agencyId, 2032), n => $"测〔2032〕{n}号")).Number;
        }));

        Assert.Equal([1L, 1L], numbers);
        await using var check = app.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<LetterRecord>().CountAsync(l => l.Year == 2032);
        Assert.Equal(1, rows);
    }

    [DatabaseTheory]
    public async Task Download_Twice_SameNumber_PdfAndDocx(Db db)
    {
        await using var app = new GongkaiApp(db);
        var officer = await StaffClient.CreateAsync(app, DemoUsers.HealthOfficer);
        var id = await Cases.RegisterAsync(officer);

        var first = await officer.Http.GetAsync($"/Office/Letter/{id}/1/receipt/pdf");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/pdf", first.Content.Headers.ContentType?.MediaType);
        var again = await officer.Http.GetAsync($"/Office/Letter/{id}/1/receipt/docx");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await again.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("政府信息公开申请受理回执", text);

        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var letter = await data.Set<LetterRecord>().SingleAsync(l => l.CaseId == id);
        Assert.Contains(letter.DocumentNumber, text);
        Assert.Equal(1, await data.AuditEntries.CountAsync(a => a.Action == "case.letter-number" && a.EntityId == id.ToString()));

        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync($"/Office/Letter/{id}/1/reply/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.Http.GetAsync($"/Office/Letter/{id}/1/receipt/exe")).StatusCode);
    }

    private static async Task<(Guid CaseId, int AgencyId)> AnyCaseAsync(GongkaiApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var data = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var c = await data.Cases.AsNoTracking().OrderBy(x => x.TrackingNumber).FirstAsync();
        return (c.Id, c.AgencyId);
    }
}
