using System.Collections.Frozen;
using System.Text;
using Gongkai.Data.Entities;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Web.Infrastructure;

/// <summary>
/// Refuses passwords that are common or merely disguise a common one (<c>Password1!</c> is
/// "password" with a capital, a digit and a symbol), and passwords that contain the user name. The
/// list is <c>common-passwords.txt</c> beside this file (its origin is written at its top). Before
/// comparing, the password is lower-cased, digits and symbols before and after the letters are
/// removed, and the usual letter substitutions (0→o, 1→i or l, 3→e, 4→a, 5→s, 7→t, @→a, $→s) are undone.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<GongkaiUser>
{
    private static readonly Lazy<FrozenSet<string>> s_list = new(Load);

    /// <summary>The listed passwords (lower case).</summary>
    public static FrozenSet<string> List => s_list.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<GongkaiUser> manager, GongkaiUser user, string? password)
    {
        var describer = manager.ErrorDescriber as ChineseIdentityErrors ?? new ChineseIdentityErrors();
        if (password is not null && IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(describer.PasswordTooCommon()));
        }

        if (password is not null && user.UserName is { Length: >= 4 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(describer.PasswordContainsUserName()));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>Whether <paramref name="password"/> is listed, or a listed password in disguise.</summary>
    public static bool IsCommon(string password) => Candidates(password).Any(List.Contains);

    private static IEnumerable<string> Candidates(string password)
    {
        var lower = password.ToLowerInvariant();
        var core = lower.Trim().TrimStart(NotLetters).TrimEnd(NotLetters);
        foreach (var form in new[] { lower, core }.Where(f => f.Length > 0).Distinct())
        {
            yield return form;
            yield return Undisguise(form, one: 'i');
            yield return Undisguise(form, one: 'l');
        }
    }

    private static readonly char[] NotLetters = "0123456789!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ ".ToCharArray();

    private static string Undisguise(string s, char one)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            b.Append(c switch
            {
                '0' => 'o',
                '1' => one,
                '3' => 'e',
                '4' => 'a',
                '5' => 's',
                '7' => 't',
                '@' => 'a',
                '$' => 's',
                _ => c,
            });
        }

        return b.ToString();
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Gongkai.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word.ToLowerInvariant());
            }
        }

        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
