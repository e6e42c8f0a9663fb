using Gongkai.Data;
using Gongkai.Data.Entities;
using Gongkai.Domain.Disclosure;
using Gongkai.Domain.Results;
using Gongkai.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Agencies;

/// <summary>An agency in the administrator's tree, with its depth below the administrator's own agency.</summary>
public sealed record AgencyNode(Agency Agency, int Depth);

/// <summary>
/// 机关设置: an administrator's agency and every agency below it (<see cref="CurrentStaff.AdministeredAgencyIdsAsync"/>):
/// the tree, a new department below any of them, the name, the contacts and the 指南 text. An agency
/// outside the tree is not found. Every change is saved with its audit entry (entity <c>agency</c>).
/// </summary>
public sealed class AgencyAdmin(GongkaiDbContext db, CurrentStaff staff, AuditTrail audit)
{
    /// <summary>The administrator's agencies in tree order (each followed by those below it).</summary>
    public async Task<List<AgencyNode>> TreeAsync(CancellationToken ct = default)
    {
        var scope = await staff.AdministeredAgencyIdsAsync(ct);
        if (scope.Count == 0)
        {
            return [];
        }

        var agencies = await db.Agencies.AsNoTracking().Where(a => scope.Contains(a.Id)).ToListAsync(ct);
        var result = new List<AgencyNode>();
        void Walk(Agency a, int depth)
        {
            result.Add(new AgencyNode(a, depth));
            foreach (var child in agencies.Where(c => c.ParentId == a.Id).OrderBy(c => c.Id))
            {
                Walk(child, depth + 1);
            }
        }

        Walk(agencies.Single(a => a.Id == scope[0]), 0);
        return result;
    }

    /// <summary>The agency with <paramref name="id"/> if the current administrator manages it; null otherwise (a 404 for the caller).</summary>
    public async Task<Agency?> FindAsync(int id, CancellationToken ct = default) =>
        (await staff.AdministeredAgencyIdsAsync(ct)).Contains(id)
            ? await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct)
            : null;

    /// <summary>Why a department cannot be added as <paramref name="form"/> says: every refusal at once, each for its field (<see cref="AgencyCodes.FieldOf"/>); empty when it can.</summary>
    public async Task<List<Problem>> CheckNewDepartmentAsync(NewAgencyForm form, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        if (form.ParentId is not { } p || await FindAsync(p, ct) is null)
        {
            problems.Add(AgencyCodes.Problem(AgencyCodes.ParentOutOfScope));
        }

        var (name, code, creditCode) = Normalised(form);
        if (!UnifiedSocialCreditCode.IsValid(creditCode))
        {
            problems.Add(AgencyCodes.Problem(AgencyCodes.CreditCodeInvalid));
        }
        else if (await db.Agencies.AnyAsync(a => a.CreditCode == creditCode, ct))
        {
            problems.Add(AgencyCodes.Problem(AgencyCodes.CreditCodeTaken));
        }

        if (await db.Agencies.AnyAsync(a => a.Code == code, ct))
        {
            problems.Add(AgencyCodes.Problem(AgencyCodes.CodeTaken));
        }

        if (await db.Agencies.AnyAsync(a => a.Name == name, ct))
        {
            problems.Add(AgencyCodes.Problem(AgencyCodes.NameTaken));
        }

        return problems;
    }

    /// <summary>Adds a department below <see cref="NewAgencyForm.ParentId"/>; returns its id, or the first refusal of <see cref="CheckNewDepartmentAsync"/>.</summary>
    public async Task<Result<int>> AddDepartmentAsync(NewAgencyForm form, CancellationToken ct = default)
    {
        if ((await CheckNewDepartmentAsync(form, ct)).FirstOrDefault() is { } refused)
        {
            return refused;
        }

        var parent = (await FindAsync(form.ParentId!.Value, ct))!;
        var (name, code, creditCode) = Normalised(form);
        var agency = new Agency
        {
            Name = name,
            Code = code,
            CreditCode = creditCode,
            Kind = Gongkai.Domain.AnnualReports.AgencyKind.Department,
            ParentId = parent!.Id,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(ct);
        audit.Record(AuditCodes.AgencyCreate, AuditEntities.Agency, agency.Id, agency.Id, $"{parent.Name}下新增{name}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return agency.Id;
    }

    private static (string Name, string Code, string CreditCode) Normalised(NewAgencyForm form) =>
        (form.Name?.Trim() ?? "", form.Code?.Trim().ToUpperInvariant() ?? "", form.CreditCode?.Trim().ToUpperInvariant() ?? "");

    /// <summary>Saves the name and contacts of <paramref name="id"/>; null when done, else why not.</summary>
    public async Task<Problem?> SaveDetailsAsync(int id, AgencyDetailsForm form, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is null)
        {
            return AgencyCodes.Problem(AgencyCodes.NotFound);
        }

        var agency = await db.Agencies.SingleAsync(a => a.Id == id, ct);
        var name = form.Name?.Trim() ?? "";
        if (name != agency.Name && await db.Agencies.AnyAsync(a => a.Name == name && a.Id != id, ct))
        {
            return AgencyCodes.Problem(AgencyCodes.NameTaken);
        }

        var changes = new List<string>();
        if (name != agency.Name)
        {
            audit.Record(AuditCodes.AgencyRename, AuditEntities.Agency, id, id, $"{agency.Name} → {name}");
            agency.Name = name;
        }

        void Set(string label, string? value, Func<Agency, string?> get, Action<Agency, string?> set)
        {
            var v = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (v != get(agency))
            {
                changes.Add($"{label}：{get(agency) ?? "（空）"} → {v ?? "（空）"}");
                set(agency, v);
            }
        }

        Set("受理机构", form.ReceivingOffice, a => a.ReceivingOffice, (a, v) => a.ReceivingOffice = v);
        Set("办公地址", form.Address, a => a.Address, (a, v) => a.Address = v);
        Set("办公时间", form.OfficeHours, a => a.OfficeHours, (a, v) => a.OfficeHours = v);
        Set("联系电话", form.Phone, a => a.Phone, (a, v) => a.Phone = v);
        Set("电子邮箱", form.Email, a => a.Email, (a, v) => a.Email = v);
        if (changes.Count > 0)
        {
            audit.Record(AuditCodes.AgencyContacts, AuditEntities.Agency, id, id, $"{agency.Name}：{string.Join("；", changes)}");
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Saves the 指南 text of <paramref name="id"/> (empty: the default text); null when done, else why not.</summary>
    public async Task<Problem?> SaveGuideAsync(int id, string? text, CancellationToken ct = default)
    {
        if (await FindAsync(id, ct) is null)
        {
            return AgencyCodes.Problem(AgencyCodes.NotFound);
        }

        var value = string.IsNullOrWhiteSpace(text) ? null : text.ReplaceLineEndings("\n").Trim();
        if (value is { Length: > GuideText.MaxLength })
        {
            return AgencyCodes.Problem(AgencyCodes.GuideTooLong, GuideText.MaxLength.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var agency = await db.Agencies.SingleAsync(a => a.Id == id, ct);
        if (value == agency.GuideText)
        {
            return null;
        }

        agency.GuideText = value;
        audit.Record(AuditCodes.AgencyGuide, AuditEntities.Agency, id, id, value is null ? $"{agency.Name}：恢复默认指南正文" : $"{agency.Name}：指南正文改为{value.Length}个字");
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The audit lines of <paramref name="id"/>, newest first.</summary>
    public Task<List<AuditEntry>> HistoryAsync(int id, CancellationToken ct = default)
    {
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return db.AuditEntries.AsNoTracking().Where(e => e.EntityType == AuditEntities.Agency && e.EntityId == key)
            .OrderByDescending(e => e.Id).Take(50).ToListAsync(ct);
    }
}
