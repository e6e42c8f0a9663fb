using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;
using Gongkai.Domain.Reports;

namespace Gongkai.Import.Readers.WordBinary;

/// <summary>
/// Reads a Word 97-2003 document (.doc, [MS-DOC]; WPS Office saves .wps the same way) into a
/// <see cref="SourceDocument"/> as <see cref="Docx.DocxSourceReader"/> reads a DOCX: each paragraph a
/// line of one fragment, each table row a line of its cells' texts. The main text is put together
/// from the piece table (<c>Clx</c>); whether a paragraph stands in a table and whether it ends a
/// row (<c>sprmPFInTable</c>, <c>sprmPFTtp</c>) come from its paragraph properties (the PAPX pages).
/// Fields show their result, not their code. Empty cells before a row's first text are left out
/// (the continuation of a cell merged down, as the DOCX reader skips <c>w:vMerge</c>). Encrypted
/// documents and compound files that hold no Word document (.xls, .ppt) are refused with a message.
/// </summary>
public sealed class WordBinarySourceReader : ISourceReader
{
    private const ushort SprmPFInTable = 0x2416;
    private const ushort SprmPFTtp = 0x2417;
    private const ushort SprmPFInnerTtp = 0x244C;

    /// <summary>The reader (it holds no state).</summary>
    public static WordBinarySourceReader Instance { get; } = new();

    private WordBinarySourceReader()
    {
    }

    /// <inheritdoc/>
    public bool CanRead(SourceKind kind) => kind == SourceKind.WordBinary;

    /// <inheritdoc/>
    SourceDocument ISourceReader.Read(ReadOnlyMemory<byte> bytes, string name) =>
        Read(SourceReaderBytes.ToArray(bytes), name, ImportBudget.Current);

    public static SourceDocument Read(byte[] bytes, string name, ImportBudget? budget = null) =>
        ImportBudget.Read(name, budget, b => ReadWithin(bytes, name, b));

    private static SourceDocument ReadWithin(byte[] bytes, string name, ImportBudget budget)
    {
        try
        {
            var file = CompoundFile.Open(bytes);
            if (file.Stream("WordDocument") is not { } word)
            {
                return Fail(name, DiagnosticCodes.SourceUnsupported, "这个文件不是 DOC 文档（可能是电子表格或演示文稿），请另存为 DOCX 或 PDF 后导入");
            }

            if (word.Length < 0x200 || BinaryPrimitives.ReadUInt16LittleEndian(word) != 0xA5EC)
            {
                return Fail(name, DiagnosticCodes.SourceUnreadable, "DOC 文档的文件头无效");
            }

            var flags = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(0x0A));
            if ((flags & 0x0100) != 0)
            {
                return Fail(name, DiagnosticCodes.SourceUnreadable, "DOC 文档已加密，请去除密码后导入");
            }

            if (BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(2)) < 101)
            {
                return Fail(name, DiagnosticCodes.SourceUnsupported, "6.0/95 旧版 DOC 文档不受支持，请另存为 DOCX 或 PDF 后导入");
            }

            var table = file.Stream((flags & 0x0200) != 0 ? "1Table" : "0Table")
                ?? throw new InvalidDataException("缺少表格流");
            var fib = Fib.Read(word);
            if (fib.CcpText > ImportLimits.MaxTextChars)
            {
                budget.Refuse(ImportLimit.TextChars);
            }

            var (text, fcs) = MainText(word, table, fib, budget);
            var paragraphs = new ParagraphProperties(word, table, fib);
            var lines = new Assembler(name, budget, paragraphs).Lines(text, fcs);
            return new SourceDocument(name, lines, []);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return Fail(name, DiagnosticCodes.SourceUnreadable, $"DOC 文档已损坏或无法解析：{(e is InvalidDataException ? e.Message : "文件结构不完整")}");
        }
    }

    private static SourceDocument Fail(string name, string code, string message) =>
        SourceDocument.Failed(name, DiagnosticCodes.Create(code, message, new SourceLocation(name)));

    /// <summary>What the reader needs of the File Information Block.</summary>
    private readonly record struct Fib(int CcpText, uint FcClx, uint LcbClx, uint FcPlcfBtePapx, uint LcbPlcfBtePapx)
    {
        public static Fib Read(byte[] word)
        {
            var csw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(32));
            var lw = 34 + (2 * csw);
            var cslw = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(lw));
            var ccpText = BinaryPrimitives.ReadInt32LittleEndian(word.AsSpan(lw + 2 + (3 * 4)));
            var fcLcb = lw + 2 + (4 * cslw);
            var count = BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan(fcLcb));
            if (count <= 33 || ccpText < 0)
            {
                throw new InvalidDataException("文件信息块不完整");
            }

            uint At(int index) => BinaryPrimitives.ReadUInt32LittleEndian(word.AsSpan(fcLcb + 2 + (4 * index)));
            return new Fib(ccpText, At(66), At(67), At(26), At(27));
        }
    }

    /// <summary>
    /// The main document's text (its first <see cref="Fib.CcpText"/> characters) from the piece
    /// table, with each character's position in the WordDocument stream (its FC).
    /// </summary>
    private static (string Text, uint[] Fcs) MainText(byte[] word, byte[] table, Fib fib, ImportBudget budget)
    {
        var at = checked((int)fib.FcClx);
        var end = checked(at + (int)fib.LcbClx);
        if (end > table.Length)
        {
            throw new InvalidDataException("文本片段表超出表格流");
        }

        while (at < end && table[at] == 0x01)
        {
            at += 3 + BinaryPrimitives.ReadInt16LittleEndian(table.AsSpan(at + 1));
        }

        if (at >= end || table[at] != 0x02)
        {
            throw new InvalidDataException("文本片段表缺失");
        }

        var lcb = BinaryPrimitives.ReadInt32LittleEndian(table.AsSpan(at + 1));
        var plc = at + 5;
        var pieces = (lcb - 4) / 12;
        if (lcb < 16 || plc + lcb > table.Length)
        {
            throw new InvalidDataException("文本片段表无效");
        }

        var text = new StringBuilder(Math.Min(fib.CcpText, 1 << 20));
        var fcs = new List<uint>(Math.Min(fib.CcpText, 1 << 20));
        for (var i = 0; i < pieces && text.Length < fib.CcpText; i++)
        {
            var cpStart = BinaryPrimitives.ReadInt32LittleEndian(table.AsSpan(plc + (4 * i)));
            var cpEnd = BinaryPrimitives.ReadInt32LittleEndian(table.AsSpan(plc + (4 * (i + 1))));
            var pcd = plc + (4 * (pieces + 1)) + (8 * i);
            var fc = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(pcd + 2));
            var compressed = (fc & 0x40000000) != 0;
            var offset = compressed ? (fc & 0x3FFFFFFF) / 2 : fc & 0x3FFFFFFF;
            var count = Math.Min(cpEnd - cpStart, fib.CcpText - text.Length);
            if (count < 0 || offset + ((long)count * (compressed ? 1 : 2)) > word.Length)
            {
                throw new InvalidDataException("文本片段超出文档流");
            }

            for (var k = 0; k < count; k++)
            {
                if (compressed)
                {
                    text.Append(Compressed(word[offset + k]));
                    fcs.Add((uint)(offset + k));
                }
                else
                {
                    text.Append((char)BinaryPrimitives.ReadUInt16LittleEndian(word.AsSpan((int)offset + (2 * k))));
                    fcs.Add((uint)(offset + (2 * k)));
                }
            }

            budget.CheckTime();
        }

        return (text.ToString(), [.. fcs]);
    }

    /// <summary>A character of an 8-bit ("compressed") piece: Windows-1252, its 0x80-0x9F as [MS-DOC] 2.4.1 maps them.</summary>
    private static char Compressed(byte b) => b switch
    {
        0x82 => '\u201A', 0x83 => '\u0192', 0x84 => '\u201E', 0x85 => '\u2026', 0x86 => '\u2020', 0x87 => '\u2021',
        0x88 => '\u02C6', 0x89 => '\u2030', 0x8A => '\u0160', 0x8B => '\u2039', 0x8C => '\u0152', 0x91 => '\u2018',
        0x92 => '\u2019', 0x93 => '\u201C', 0x94 => '\u201D', 0x95 => '\u2022', 0x96 => '\u2013', 0x97 => '\u2014',
        0x98 => '\u02DC', 0x99 => '\u2122', 0x9A => '\u0161', 0x9B => '\u203A', 0x9C => '\u0153', 0x9F => '\u0178',
        _ => (char)b,
    };

    /// <summary>Whether a paragraph stands in a table, and whether it ends a table row, by its end mark's FC.</summary>
    private sealed class ParagraphProperties(byte[] word, byte[] table, Fib fib)
    {
        private readonly int _count = fib.LcbPlcfBtePapx >= 12 && fib.FcPlcfBtePapx + (long)fib.LcbPlcfBtePapx <= table.Length ? (int)((fib.LcbPlcfBtePapx - 4) / 8) : 0;

        /// <summary>Whether the properties could be read at all (else a row ends where a cell mark follows a cell mark).</summary>
        public bool Known => _count > 0;

        public (bool InTable, bool EndsRow) Of(uint fc)
        {
            var plc = (int)fib.FcPlcfBtePapx;
            var lo = 0;
            var hi = _count - 1;
            var found = -1;
            while (lo <= hi)
            {
                var mid = (lo + hi) / 2;
                var start = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(plc + (4 * mid)));
                var end = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(plc + (4 * (mid + 1))));
                if (fc < start)
                {
                    hi = mid - 1;
                }
                else if (fc >= end)
                {
                    lo = mid + 1;
                }
                else
                {
                    found = mid;
                    break;
                }
            }

            if (found < 0)
            {
                return (false, false);
            }

            var pn = BinaryPrimitives.ReadUInt32LittleEndian(table.AsSpan(plc + (4 * (_count + 1)) + (4 * found))) & 0x3FFFFF;
            var pageAt = (long)pn * 512;
            if (pageAt + 512 > word.Length)
            {
                return (false, false);
            }

            var page = word.AsSpan((int)pageAt, 512);
            var crun = page[511];
            for (var j = 0; j < crun && (4 * (crun + 1)) + (13 * crun) <= 511; j++)
            {
                var from = BinaryPrimitives.ReadUInt32LittleEndian(page[(4 * j)..]);
                var to = BinaryPrimitives.ReadUInt32LittleEndian(page[(4 * (j + 1))..]);
                if (fc < from || fc >= to)
                {
                    continue;
                }

                var offset = page[(4 * (crun + 1)) + (13 * j)] * 2;
                return offset == 0 ? (false, false) : Sprms(page, offset);
            }

            return (false, false);
        }

        /// <summary>The paragraph's table flags from its PapxInFkp at <paramref name="offset"/> of the page.</summary>
        private static (bool InTable, bool EndsRow) Sprms(ReadOnlySpan<byte> page, int offset)
        {
            int start, length;
            if (page[offset] != 0)
            {
                (start, length) = (offset + 1, (2 * page[offset]) - 1);
            }
            else
            {
                (start, length) = (offset + 2, 2 * page[offset + 1]);
            }

            var end = Math.Min(start + length, 511);
            var inTable = false;
            var endsRow = false;
            for (var at = start + 2; at + 2 <= end;)
            {
                var sprm = BinaryPrimitives.ReadUInt16LittleEndian(page[at..]);
                at += 2;
                var size = (sprm >> 13) switch
                {
                    0 or 1 => 1,
                    2 or 4 or 5 => 2,
                    3 => 4,
                    7 => 3,
                    _ => at < end ? page[at] + 1 : 1,
                };
                if (at < end && page[at] == 1)
                {
                    inTable |= sprm == SprmPFInTable;
                    endsRow |= sprm is SprmPFTtp or SprmPFInnerTtp;
                }

                at += size;
            }

            return (inTable, endsRow);
        }
    }

    /// <summary>Puts the main text together into lines (<see cref="DocumentLines"/>): paragraphs, and table rows of cells.</summary>
    private sealed class Assembler(string name, ImportBudget budget, ParagraphProperties properties)
    {
        private readonly DocumentLines _lines = new(name, budget);
        private bool _cellJustEnded;

        public ImmutableArray<SourceLine> Lines(string text, uint[] fcs)
        {
            // Fields: the code (between 0x13 and 0x14) is left out, the result (to 0x15) kept.
            var fields = new Stack<bool>();
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '\u0013':
                        fields.Push(true);
                        continue;
                    case '\u0014':
                        if (fields.Count > 0)
                        {
                            fields.Pop();
                            fields.Push(false);
                        }

                        continue;
                    case '\u0015':
                        if (fields.Count > 0)
                        {
                            fields.Pop();
                        }

                        continue;
                }

                if (fields.Contains(true) && c is not ('\r' or '\u0007'))
                {
                    continue;
                }

                switch (c)
                {
                    case '\r':
                        _lines.EndParagraph(properties.Known && properties.Of(fcs[i]).InTable);
                        break;
                    case '\u0007':
                        var (_, endsRow) = properties.Known ? properties.Of(fcs[i]) : (true, _cellJustEnded && _lines.Current.Length == 0);
                        if (endsRow)
                        {
                            _lines.EndRow();
                        }
                        else
                        {
                            _lines.EndCell();
                        }

                        _cellJustEnded = !endsRow;

                        continue;
                    case '\u000C':
                        _lines.EndParagraph(false);
                        break;
                    case '\t' or '\u000B' or '\u00A0' or '\u3000':
                        _lines.Current.Append(' ');
                        break;
                    case '\u001E':
                        _lines.Current.Append('-');
                        break;
                    case < ' ' or '\u001F':
                        break;
                    default:
                        _lines.Current.Append(c);
                        break;
                }

                _cellJustEnded = false;
                if ((i & 0xFFF) == 0)
                {
                    budget.CheckTime();
                }
            }

            _lines.EndParagraph(false);
            return _lines.ToImmutable();
        }
    }
}
