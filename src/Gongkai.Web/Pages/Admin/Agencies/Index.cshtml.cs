using Gongkai.Web.Agencies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Admin.Agencies;

/// <summary>机关设置: the administrator's agency tree and a new department below any agency of it.</summary>
public sealed class IndexModel(AgencyAdmin admin) : PageModel
{
    public List<AgencyNode> Tree { get; private set; } = [];

    [BindProperty]
    public NewAgencyForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) => Tree = await admin.TreeAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var added = await admin.AddDepartmentAsync(Input, ct);
            if (added.TryGetValue(out var id))
            {
                TempData["Message"] = $"已新增{Input.Name?.Trim()}。";
                return Redirect($"/Admin/Agencies/{id}");
            }

            foreach (var problem in await admin.CheckNewDepartmentAsync(Input, ct))
            {
                ModelState.AddModelError($"{nameof(Input)}.{AgencyCodes.FieldOf(problem.Code)}", problem.MessageZh);
            }
        }

        Tree = await admin.TreeAsync(ct);
        return Page();
    }

    /// <summary>The field's errors, for the span beside it.</summary>
    public string Err(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : string.Empty;
}
