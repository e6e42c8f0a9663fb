using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Data;
using Gongkai.Data.Disclosure;
using Gongkai.Data.Entities;
using Gongkai.Domain.Calendar;
using Gongkai.Domain.Casework;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Disclosure;

/// <summary>
/// The proactive-disclosure desk: loads an item's workflow, runs a command of the domain state
/// machine, and stores the result (new steps appended, never changed, each with an audit entry in the
/// same unit of work). Uploaded attachments are checked here and stored with the item. Scoped; registered
/// by <see cref="DisclosureExtensions.AddGongkaiDisclosure"/>.
/// </summary>
public sealed class DisclosureDesk(GongkaiDbContext db, TimeProvider time, IConfiguration configuration, WorkingDayCalendar calendar, AuditTrail audit)
{
    /// <summary>Refusal code when another user changed the item first.</summary>
    public const string Concurrent = DisclosureCodes.Concurrent;

    /// <summary>Refusal code when the item does not exist in the user's agency.</summary>
    public const string NotFound = DisclosureCodes.NotFound;


    /// <summary>Paths of the public portal that always exist, for the site link checker.</summary>
    public static readonly IReadOnlyList<string> PortalPaths =
        ["/", "/Portal/Guide", "/Portal/Apply", "/Portal/Track", "/Portal/Reports", "/Portal/Deadline", "/Portal/Catalogue", "/gk/feed.xml", "/gk/feed.json"];

    public DateTimeOffset Now => ChinaTime.Now(time);

    public DateOnly Today => ChinaTime.Today(time);

    public DbSet<DisclosureRecord> Items => db.Set<DisclosureRecord>();

    public PublicationDeadlines Deadlines { get; } = new(calendar);

    /// <summary>The 目录 tree (the default one per Art. 20 item; an agency-specific tree is future work).</summary>
    public AgencyCatalogue Columns => AgencyCatalogue.Default;

    public async Task<DisclosureWorkflow?> LoadAsync(Guid id, int agencyId, CancellationToken ct = default)
    {
        var record = await Items.AsNoTracking().Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == id && r.AgencyId == agencyId, ct);
        if (record is null)
        {
            return null;
        }

        var versions = await db.Set<DisclosureVersionRecord>().AsNoTracking().Where(v => v.ItemId == id).ToListAsync(ct);
        return DisclosureMapping.ToWorkflow(record, versions);
    }

    /// <summary>The administrator's 错敏字 list; the built-in default while the table is empty.</summary>
    public async Task<WrongWordList> WordsAsync(CancellationToken ct = default)
    {
        var rows = await db.Set<WordEntryRecord>().AsNoTracking().ToListAsync(ct);
        return rows.Count == 0
            ? WrongWordList.Default
            : new WrongWordList(rows.Select(r => new WordEntry(r.Wrong, r.Right, Enum.Parse<WordEntryKind>(r.Kind), r.Note)));
    }

    /// <summary>
    /// The link checker: the site's own published items and portal paths are known; hosts come from
    /// <c>Gongkai:Disclosure:SiteHosts</c> (comma-separated). With <c>Gongkai:Disclosure:CheckExternalLinks</c>
    /// true, other hosts are tried over HTTP with a short timeout; otherwise they are recorded unchecked.
    /// </summary>
    public async Task<ILinkChecker> LinkCheckerAsync(CancellationToken ct = default)
    {
        var published = await Items.AsNoTracking()
            .Where(r => r.IndexNumber != null && (r.State == nameof(DisclosureState.Published) || r.State == nameof(DisclosureState.Corrected)))
            .Select(r => new { r.IndexNumber, r.AttachmentsJson })
            .ToListAsync(ct);
        var paths = new List<string>(PortalPaths);
        foreach (var p in published)
        {
            paths.Add(DisclosureMapping.PublicPath(p.IndexNumber!));
            paths.Add(Uri.UnescapeDataString(DisclosureMapping.PublicPath(p.IndexNumber!)));
            paths.AddRange(JsonSerializer.Deserialize<List<Attachment>>(p.AttachmentsJson, DisclosureMapping.Json)!
                .Where(a => Attachment.IsSitePath(a.Location)).Select(a => a.Location!));
        }

        paths.AddRange((configuration["Gongkai:Disclosure:KnownPaths"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var hosts = (configuration["Gongkai:Disclosure:SiteHosts"] ?? "localhost,127.0.0.1").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var site = new SiteLinkChecker(hosts, paths);
        return configuration.GetValue("Gongkai:Disclosure:CheckExternalLinks", false) ? new HttpLinkChecker(site) : site;
    }

    public async Task<ItemChecker> CheckerAsync(CancellationToken ct = default) =>
        new(await WordsAsync(ct), await LinkCheckerAsync(ct));

    /// <summary>
    /// Starts a draft in <paramref name="agencyId"/>, with <paramref name="files"/> (from
    /// <see cref="ReadUploadAsync"/>) stored with it; returns its id, or the refusal.
    /// </summary>
    public async Task<Result<Guid>> CreateAsync(int agencyId, DisclosureItem item, Actor author, IReadOnlyList<DisclosureFileRecord>? files, CancellationToken ct = default)
    {
        var started = DisclosureWorkflow.Start(item, author, Now);
        if (started.Problem is { } refused)
        {
            return refused;
        }

        var record = new DisclosureRecord
        {
            Id = item.Id,
            AgencyId = agencyId,
            State = "",
            Title = "",
            Publisher = "",
            CatalogueCode = "",
            ValidityStatus = "",
            Channels = "",
            Kind = "",
            CreatedAt = time.GetUtcNow(),
            UpdatedAt = time.GetUtcNow(),
            ConcurrencyStamp = Guid.NewGuid(),
        };
        DisclosureMapping.CopyTo(started.Value, record);
        record.Steps.AddRange(started.Value.Steps.Select(s => DisclosureMapping.ToRecord(item.Id, s)));
        Items.Add(record);
        AddFiles(item.Id, files);
        foreach (var step in started.Value.Steps)
        {
            Audit(agencyId, started.Value, step);
        }

        await db.SaveChangesAsync(ct);
        return item.Id;
    }

    /// <summary>
    /// Runs <paramref name="command"/> on the stored workflow and stores the result: the row updated
    /// under its concurrency stamp, new steps and replaced versions appended. Returns the stored workflow, or the refusal.
    /// </summary>
    public Task<Result<DisclosureWorkflow>> RunAsync(Guid id, int agencyId, Func<DisclosureWorkflow, Task<Result<DisclosureWorkflow>>> command, CancellationToken ct = default) =>
        RunAsync(id, agencyId, command, null, ct);

    /// <summary>As <see cref="RunAsync(Guid, int, Func{DisclosureWorkflow, Task{Result{DisclosureWorkflow}}}, CancellationToken)"/>, storing <paramref name="files"/> with the result.</summary>
    public async Task<Result<DisclosureWorkflow>> RunAsync(Guid id, int agencyId, Func<DisclosureWorkflow, Task<Result<DisclosureWorkflow>>> command, IReadOnlyList<DisclosureFileRecord>? files, CancellationToken ct = default)
    {
        db.ChangeTracker.Clear();
        var record = await Items.Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == id && r.AgencyId == agencyId, ct);
        if (record is null)
        {
            return DisclosureCodes.Problem(NotFound);
        }

        var versions = await db.Set<DisclosureVersionRecord>().AsNoTracking().Where(v => v.ItemId == id).ToListAsync(ct);
        var before = DisclosureMapping.ToWorkflow(record, versions);
        var result = await command(before);
        if (result.Problem is { } refused)
        {
            return refused;
        }

        var after = result.Value;
        DisclosureMapping.CopyTo(after, record);
        record.UpdatedAt = time.GetUtcNow();
        record.ConcurrencyStamp = Guid.NewGuid();
        foreach (var step in after.Steps.Skip(before.Steps.Length))
        {
            record.Steps.Add(DisclosureMapping.ToRecord(id, step));
            Audit(agencyId, after, step);
        }

        AddFiles(id, files);

        await EnterInRegisterAsync(agencyId, after, ct);
        foreach (var old in after.PreviousVersions.Skip(before.PreviousVersions.Length))
        {
            db.Set<DisclosureVersionRecord>().Add(new DisclosureVersionRecord
            {
                ItemId = id,
                Version = old.Version,
                SnapshotJson = JsonSerializer.Serialize(old, DisclosureMapping.Json),
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return after;
        }
        catch (DbUpdateConcurrencyException)
        {
            return DisclosureCodes.Problem(Concurrent);
        }
    }

    /// <summary>
    /// A published 规章 or 行政规范性文件 is entered in the agency's Table 2 register (issued on its 成文日期,
    /// repealed on the end of its validity when 已废止), under the disclosure item's id, so the office does
    /// not type it twice; saved with the publication. A register entry of the same kind and 文号 (or, without
    /// one, title) typed by hand is left as it is rather than counted again. Later changes of an entry made
    /// this way follow the item's validity.
    /// </summary>
    private async Task EnterInRegisterAsync(int agencyId, DisclosureWorkflow workflow, CancellationToken ct)
    {
        var item = workflow.Item;
        if (workflow.State is not (DisclosureState.Published or DisclosureState.Corrected) || item.Kind.ToRegisterKind() is not { } kind)
        {
            return;
        }

        var repealed = item.Validity.Status == ValidityStatus.Repealed ? item.Validity.EndedOn : null;
        var own = await db.RegulatoryDocuments.FirstOrDefaultAsync(r => r.Id == item.Id, ct);
        if (own is not null)
        {
            own.RepealedOn = repealed;
            return;
        }

        var number = string.IsNullOrWhiteSpace(item.DocumentNumber) ? null : item.DocumentNumber.Trim();
        var typed = number is not null
            ? await db.RegulatoryDocuments.AnyAsync(r => r.AgencyId == agencyId && r.Kind == kind && r.DocumentNumber == number, ct)
            : await db.RegulatoryDocuments.AnyAsync(r => r.AgencyId == agencyId && r.Kind == kind && r.Title == item.Title, ct);
        if (!typed)
        {
            db.RegulatoryDocuments.Add(new RegulatoryDocumentRecord
            {
                Id = item.Id,
                AgencyId = agencyId,
                Kind = kind,
                Title = item.Title,
                DocumentNumber = number,
                IssuedOn = item.WrittenOn,
                RepealedOn = repealed,
            });
        }
    }

    public Task<Result<DisclosureWorkflow>> EditAsync(Guid id, int agencyId, Actor actor, DisclosureItem changed, IReadOnlyList<DisclosureFileRecord>? files, CancellationToken ct = default) =>
        RunAsync(id, agencyId, w => Task.FromResult(w.Edit(actor, changed, Now)), files, ct);

    /// <summary>
    /// Reads one uploaded file for item <paramref name="itemId"/> and checks it by
    /// <see cref="AttachmentRules"/> (type allow-list, size, content against extension). Returns the
    /// file row to store (not yet added) and its <see cref="Attachment"/>, or the refusal. A PDF
    /// without any text (a scan) is marked as such, so the check asks for a text version.
    /// </summary>
    public async Task<Result<DisclosureUpload>> ReadUploadAsync(
        Guid itemId, string fileName, long length, Stream content, Actor uploader, CancellationToken ct = default)
    {
        var name = AttachmentRules.CleanName(fileName);
        if (!AttachmentRules.Types.ContainsKey(AttachmentRules.ExtensionOf(name)))
        {
            return DisclosureCodes.Problem(DisclosureCodes.UploadTypeNotAllowed);
        }

        if (length > AttachmentRules.MaxBytes)
        {
            return DisclosureCodes.Problem(DisclosureCodes.UploadTooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > AttachmentRules.MaxBytes)
            {
                return DisclosureCodes.Problem(DisclosureCodes.UploadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        if (AttachmentRules.Refusal(name, bytes) is { } refusal)
        {
            return DisclosureCodes.Problem(refusal);
        }

        var type = AttachmentRules.ContentTypeOf(name);
        var hasText = type switch
        {
            "application/pdf" => HasTextLayer(bytes, name),
            _ when type.StartsWith("image/", StringComparison.Ordinal) => false,
            _ => true,
        };
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var file = new DisclosureFileRecord
        {
            Id = Guid.NewGuid(),
            ItemId = itemId,
            Name = name,
            ContentType = type,
            Size = bytes.LongLength,
            Sha256 = sha,
            Content = bytes,
            UploadedAt = time.GetUtcNow(),
            UploadedBy = uploader.Id,
        };
        return new DisclosureUpload(file, new Attachment(name, type, hasText, null, file.Id, file.Size, sha));
    }

    /// <summary>Whether a PDF has any text (read with the import's PDF reader, within its limits); false for a scan or an unreadable file.</summary>
    private static bool HasTextLayer(byte[] pdf, string name) =>
        Gongkai.Import.Readers.Pdf.PdfSourceReader.Read(pdf, name).Lines.Any(l => !string.IsNullOrWhiteSpace(l.Text));

    /// <summary>A stored attachment of an item of <paramref name="agencyId"/> (staff: any state), or null.</summary>
    public Task<DisclosureFileRecord?> StaffFileAsync(Guid fileId, int agencyId, CancellationToken ct = default) =>
        db.Set<DisclosureFileRecord>().AsNoTracking()
            .Where(f => f.Id == fileId && Items.Any(r => r.Id == f.ItemId && r.AgencyId == agencyId))
            .FirstOrDefaultAsync(ct);

    /// <summary>
    /// A stored attachment for the public: only when the item is published (or corrected) and its
    /// current version lists the file; otherwise null (a draft's or a withdrawn item's files are not public).
    /// </summary>
    public static async Task<DisclosureFileRecord?> PublicFileAsync(GongkaiDbContext db, Guid fileId, CancellationToken ct = default)
    {
        var file = await db.Set<DisclosureFileRecord>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, ct);
        if (file is null)
        {
            return null;
        }

        var item = await db.Set<DisclosureRecord>().AsNoTracking()
            .Where(r => r.Id == file.ItemId && (r.State == nameof(DisclosureState.Published) || r.State == nameof(DisclosureState.Corrected)))
            .Select(r => r.AttachmentsJson)
            .FirstOrDefaultAsync(ct);
        var listed = item is not null && JsonSerializer.Deserialize<List<Attachment>>(item, DisclosureMapping.Json)!.Any(a => a.FileId == fileId);
        return listed ? file : null;
    }

    private void AddFiles(Guid itemId, IReadOnlyList<DisclosureFileRecord>? files)
    {
        foreach (var f in files ?? [])
        {
            f.ItemId = itemId;
            db.Set<DisclosureFileRecord>().Add(f);
        }
    }

    /// <summary>The audit entry of one workflow step (code <c>disclosure.*</c>; the comment or reason as detail).</summary>
    private void Audit(int agencyId, DisclosureWorkflow w, WorkflowStep step)
    {
        var detail = $"{w.Item.Title}（{DisclosureMapping.Label(step.From)} → {DisclosureMapping.Label(step.To)}）";
        if (!string.IsNullOrWhiteSpace(step.Comment))
        {
            detail += "：" + step.Comment;
        }

        audit.Record(DisclosureMapping.AuditCode(step.Kind), AuditEntities.Disclosure, w.Item.Id, agencyId, detail);
    }

    /// <summary>Runs the automatic checks on the draft and submits it to 保密审查.</summary>
    public async Task<Result<DisclosureWorkflow>> SubmitAsync(Guid id, int agencyId, Actor actor, CancellationToken ct = default)
    {
        var checker = await CheckerAsync(ct);
        return await RunAsync(id, agencyId, async w => w.Submit(actor, await checker.CheckAsync(w.Item, Today, ct), Now), ct);
    }

    /// <summary>
    /// Publishes an approved item under a fresh 索引号 by the agency's rule. If the number is taken (an
    /// imported item, a changed rule), the unique index refuses it and a new number is drawn.
    /// </summary>
    public async Task<Result<DisclosureWorkflow>> PublishAsync(Guid id, int agencyId, Actor actor, CancellationToken ct = default)
    {
        var agency = await db.Set<Agency>().AsNoTracking().FirstAsync(a => a.Id == agencyId, ct);
        var rule = new IndexNumberRule(configuration["Gongkai:Disclosure:IndexPattern"] ?? IndexNumberRule.DefaultPattern, agency.CreditCode);
        var generator = new IndexNumberGenerator(rule, new DbIndexSequenceAllocator(db));
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await RunAsync(id, agencyId, async w =>
                {
                    if (w.State != DisclosureState.Approved)
                    {
                        return DisclosureCodes.Problem(DisclosureCodes.WrongState);
                    }

                    var number = await generator.NextAsync(w.Item, Today, ct);
                    return w.Publish(actor, number, Today, Now);
                }, ct);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Most likely the unique index on the 索引号: draw the next number.
            }
        }
    }

    /// <summary>Due and late items of the agency as of today.</summary>
    public async Task<DeadlineReport> DeadlineReportAsync(int agencyId, CancellationToken ct = default)
    {
        var rows = await Items.AsNoTracking().Where(r => r.AgencyId == agencyId && r.WithdrawnOn == null).ToListAsync(ct);
        return Deadlines.Report(rows.Select(DisclosureMapping.ToItem), Today);
    }

    /// <summary>The year's figures for the annual report.</summary>
    public async Task<DisclosureYearFigures> FiguresAsync(int agencyId, int year, CancellationToken ct = default)
    {
        var rows = await Items.AsNoTracking().Where(r => r.AgencyId == agencyId && r.PublishedOn != null).ToListAsync(ct);
        return DisclosureFigures.Compute(rows.Select(DisclosureMapping.ToItem), year, Deadlines);
    }

    /// <summary>The public 目录: published (and corrected) items, filtered and searched.</summary>
    public static IQueryable<DisclosureRecord> Catalogue(GongkaiDbContext db, int? art20, int? year, ValidityStatus? validity, string? query, int? agencyId = null)
    {
        var q = db.Set<DisclosureRecord>().AsNoTracking()
            .Where(r => r.State == nameof(DisclosureState.Published) || r.State == nameof(DisclosureState.Corrected));
        if (agencyId is { } a)
        {
            q = q.Where(r => r.AgencyId == a);
        }

        if (art20 is { } n)
        {
            q = q.Where(r => r.Art20Number == n);
        }

        if (year is { } y and >= 1 and <= 9998)
        {
            var from = new DateOnly(y, 1, 1);
            var to = new DateOnly(y + 1, 1, 1);
            q = q.Where(r => r.PublishedOn >= from && r.PublishedOn < to);
        }

        if (validity is { } v)
        {
            var name = v.ToString();
            q = q.Where(r => r.ValidityStatus == name);
        }

        foreach (var fragment in CatalogueSearch.QueryFragments(query))
        {
            q = q.Where(r => r.SearchText.Contains(fragment));
        }

        return q.OrderByDescending(r => r.PublishedOn).ThenByDescending(r => r.IndexNumber);
    }
}

/// <summary>An uploaded attachment read and checked: the row to store and the item's <see cref="Domain.Disclosure.Attachment"/>.</summary>
public sealed record DisclosureUpload(DisclosureFileRecord File, Attachment Attachment);
