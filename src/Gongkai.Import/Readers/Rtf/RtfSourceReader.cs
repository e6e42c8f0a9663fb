using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Readers.Rtf;

/// <summary>
/// Reads a Rich Text Format file (what many sites' "导出 Word" buttons and WPS give, often named .doc)
/// into a <see cref="SourceDocument"/> as the DOCX reader reads a document: each paragraph a line of
/// one fragment, each table row (<c>\row</c>) a line of its cells (<c>\cell</c>). Text comes from plain
/// characters, <c>\'hh</c> bytes in the document's code page (<c>\ansicpg936</c>: GBK) and <c>\uN</c>
/// characters (their fallback skipped by <c>\ucN</c>); destinations that are not text (font and colour
/// tables, styles, pictures, headers and footers, field instructions, <c>\*</c> groups) are skipped.
/// Empty cells before a row's first text are left out (a cell merged down, as the DOCX reader skips
/// <c>w:vMerge</c>). Groups nested deeper than <see cref="ImportLimits.MaxNestingDepth"/> are refused.
/// </summary>
public sealed class RtfSourceReader : ISourceReader
{
    /// <summary>Destinations whose text is not the document's.</summary>
    private static readonly HashSet<string> s_skipped = new(StringComparer.Ordinal)
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf", "footer",
        "footerl", "footerr", "footerf", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl",
        "fldinst", "object", "objdata", "shp", "shpinst", "nonshppict", "footnote", "annotation", "atnid",
        "atnauthor", "themedata", "colorschememapping", "datastore", "latentstyles", "pgdsctbl", "revtbl",
        "filetbl", "bkmkstart", "bkmkend", "template", "userprops", "docvar", "background", "pnseclvl",
    };

    /// <summary>The reader (it holds no state).</summary>
    public static RtfSourceReader Instance { get; } = new();

    private RtfSourceReader()
    {
    }

    /// <summary>Whether the bytes start as an RTF file does (<c>{\rtf</c>).</summary>
    public static bool IsRtf(ReadOnlySpan<byte> bytes) => bytes.StartsWith(@"{\rtf"u8);

    /// <inheritdoc/>
    public bool CanRead(SourceKind kind) => kind == SourceKind.Rtf;

    /// <inheritdoc/>
    SourceDocument ISourceReader.Read(ReadOnlyMemory<byte> bytes, string name) =>
        Read(SourceReaderBytes.ToArray(bytes), name, ImportBudget.Current);

    public static SourceDocument Read(byte[] bytes, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => new Parser(bytes, name, b).Read());

    private sealed class Parser(byte[] rtf, string name, ImportBudget budget)
    {
        private readonly DocumentLines _lines = new(name, budget);
        private readonly List<byte> _pending = [];
        private readonly Stack<(bool Skip, int Uc)> _groups = new();
        private Encoding _encoding = Encoding.Latin1;
        private bool _skip;
        private int _uc = 1;
        private int _fallback;
        private bool _inTable;
        private int _chars;

        public SourceDocument Read()
        {
            var i = 0;
            while (i < rtf.Length)
            {
                var b = rtf[i];
                switch (b)
                {
                    case (byte)'{':
                        Flush();
                        _groups.Push((_skip, _uc));
                        if (_groups.Count > ImportLimits.MaxNestingDepth)
                        {
                            budget.Refuse(ImportLimit.NestingDepth);
                        }

                        i++;
                        if (i + 1 < rtf.Length && rtf[i] == '\\' && rtf[i + 1] == '*')
                        {
                            _skip = true;
                            i += 2;
                        }

                        break;
                    case (byte)'}':
                        Flush();
                        if (_groups.Count > 0)
                        {
                            (_skip, _uc) = _groups.Pop();
                        }

                        i++;
                        break;
                    case (byte)'\\':
                        i = Control(i + 1);
                        break;
                    case (byte)'\r' or (byte)'\n':
                        i++;
                        break;
                    default:
                        Byte(b);
                        i++;
                        break;
                }

                if ((i & 0xFFF) == 0)
                {
                    budget.CheckTime();
                }
            }

            Flush();
            _lines.EndParagraph(false);
            return !_lines.IsEmpty
                ? new SourceDocument(name, _lines.ToImmutable(), [])
                : SourceDocument.Failed(name, DiagnosticCodes.Create(DiagnosticCodes.SourceUnreadable, "RTF 文件中没有可读的正文（文件可能不完整）", new SourceLocation(name)));
        }

        /// <summary>A control word or symbol starting at <paramref name="i"/> (after the backslash); returns where the next token starts.</summary>
        private int Control(int i)
        {
            if (i >= rtf.Length)
            {
                return i;
            }

            var c = rtf[i];
            if (!char.IsAsciiLetter((char)c))
            {
                // A control symbol.
                switch (c)
                {
                    case (byte)'\'':
                        if (i + 2 < rtf.Length && byte.TryParse(Encoding.ASCII.GetString(rtf, i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var hex))
                        {
                            Byte(hex);
                        }

                        return i + 3;
                    case (byte)'\\' or (byte)'{' or (byte)'}':
                        Byte(c);
                        return i + 1;
                    case (byte)'~':
                        Char(' ');
                        return i + 1;
                    case (byte)'_':
                        Char('-');
                        return i + 1;
                    case (byte)'\r' or (byte)'\n':
                        Break(true); // a backslash before a line end is a \par
                        return i + 1;
                    default:
                        return i + 1;
                }
            }

            var start = i;
            while (i < rtf.Length && char.IsAsciiLetter((char)rtf[i]) && i - start < 32)
            {
                i++;
            }

            var word = Encoding.ASCII.GetString(rtf, start, i - start);
            var numberStart = i;
            if (i < rtf.Length && rtf[i] == '-')
            {
                i++;
            }

            while (i < rtf.Length && char.IsAsciiDigit((char)rtf[i]) && i - numberStart < 11)
            {
                i++;
            }

            int? parameter = i > numberStart && int.TryParse(Encoding.ASCII.GetString(rtf, numberStart, i - numberStart), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
            if (i < rtf.Length && rtf[i] == ' ')
            {
                i++;
            }

            if (word == "bin" && parameter is > 0)
            {
                // \binN: N bytes of binary data (a picture's), which may hold braces and backslashes.
                return (int)Math.Min(rtf.Length, (long)i + parameter.Value);
            }

            Word(word, parameter);
            return i;
        }

        private void Word(string word, int? parameter)
        {
            if (s_skipped.Contains(word))
            {
                Flush();
                _skip = true;
                return;
            }

            switch (word)
            {
                case "ansicpg" when parameter is { } page:
                    _encoding = TextDecoding.OfCodePage(page) ?? Encoding.Latin1;
                    return;
                case "uc" when parameter is { } count:
                    _uc = Math.Clamp(count, 0, 8);
                    return;
                case "u" when parameter is { } code:
                    Flush();
                    Char((char)(code < 0 ? code + 65536 : code));
                    _fallback = _uc;
                    return;
                case "par" or "sect":
                    Break(true);
                    return;
                case "line" or "page":
                    Break(false);
                    return;
                case "tab":
                    Char(' ');
                    return;
                case "pard":
                    _inTable = false;
                    return;
                case "intbl":
                    _inTable = true;
                    return;
                case "cell":
                    Flush();
                    _fallback = 0;
                    _lines.EndCell();
                    return;
                case "nestcell":
                    Char(' ');
                    return;
                case "row":
                    Flush();
                    _lines.EndRow();
                    return;
                case "emdash":
                    Char('—');
                    return;
                case "endash":
                    Char('–');
                    return;
                case "lquote":
                    Char('‘');
                    return;
                case "rquote":
                    Char('’');
                    return;
                case "ldblquote":
                    Char('“');
                    return;
                case "rdblquote":
                    Char('”');
                    return;
                case "bullet":
                    Char('•');
                    return;
            }
        }

        /// <summary>A byte of text: kept to be decoded with those next to it (a GBK character is two <c>\'hh</c>).</summary>
        private void Byte(byte b)
        {
            if (_fallback > 0)
            {
                _fallback--;
                return;
            }

            if (!_skip)
            {
                _pending.Add(b);
            }
        }

        private void Char(char c)
        {
            if (_skip)
            {
                return;
            }

            Flush();
            _lines.Current.Append(c);
            Count(1);
        }

        private void Flush()
        {
            if (_pending.Count == 0)
            {
                return;
            }

            var text = _encoding.GetString([.. _pending]);
            _pending.Clear();
            _lines.Current.Append(text);
            Count(text.Length);
        }

        private void Count(int chars)
        {
            _chars += chars;
            if (_chars > ImportLimits.MaxTextChars)
            {
                budget.Refuse(ImportLimit.TextChars);
            }
        }

        /// <summary>A paragraph's end (<c>\par</c>), or a line break in it (<c>\line</c>).</summary>
        private void Break(bool paragraph)
        {
            if (_skip)
            {
                return;
            }

            Flush();
            _fallback = 0;
            if (!paragraph)
            {
                _lines.Current.Append(' ');
                return;
            }

            _lines.EndParagraph(_inTable);
        }
    }
}
