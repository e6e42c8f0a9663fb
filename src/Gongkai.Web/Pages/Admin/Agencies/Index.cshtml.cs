using Gongkai.Web.Agencies;
using Gongkai.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

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
                TempData.Notify(AgencyCodes.Messages.Notice(AgencyCodes.DoneAdded, Input.Name?.Trim() ?? string.Empty));
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
