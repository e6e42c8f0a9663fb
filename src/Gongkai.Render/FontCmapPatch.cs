using System.Buffers.Binary;

namespace Gongkai.Render;

/// <summary>
/// CJK fonts map the Kangxi radicals (U+2F00-U+2FD5) and the CJK radicals supplement
/// (U+2E80-U+2EF3) to the same glyphs as the ideographs they look like (⼯ and 工). A PDF writer
/// that derives the text layer from the font's cmap (Skia takes the lowest code point of a glyph)
/// then writes the radical, so that copying 工作 yields ⼯作 and searching finds nothing. This
/// unmaps those radicals in the font's format 12 (UCS-4) subtables, wherever the same glyph is
/// also an ideograph, so that the ideograph is the glyph's only code point.
/// </summary>
internal static class FontCmapPatch
{
    private const int RadicalsFirst = 0x2E80;
    private const int RadicalsLast = 0x2FDF;

    /// <summary>Patches every face of <paramref name="font"/> (a .ttf/.otf or .ttc) in place; returns how many code points were unmapped.</summary>
    public static int UnmapRadicalAliases(byte[] font)
    {
        var span = font.AsSpan();
        if (span.Length < 12)
        {
            return 0;
        }

        var faces = new List<int>();
        if (span[..4].SequenceEqual("ttcf"u8))
        {
            var count = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(span[8..]), 64);
            for (var i = 0; i < count && 12 + (4 * i) + 4 <= span.Length; i++)
            {
                faces.Add((int)BinaryPrimitives.ReadUInt32BigEndian(span[(12 + (4 * i))..]));
            }
        }
        else
        {
            faces.Add(0);
        }

        var patched = 0;
        var seen = new HashSet<int>();
        foreach (var face in faces)
        {
            if (FindTable(span, face, "cmap"u8) is not { } cmap)
            {
                continue;
            }

            var subtables = BinaryPrimitives.ReadUInt16BigEndian(span[(cmap + 2)..]);
            for (var i = 0; i < subtables; i++)
            {
                var record = cmap + 4 + (8 * i);
                var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(span[(record + 4)..]);
                if (offset + 16 <= span.Length && BinaryPrimitives.ReadUInt16BigEndian(span[offset..]) == 12 && seen.Add(offset))
                {
                    patched += PatchFormat12(span, offset);
                }
            }
        }

        return patched;
    }

    private static int? FindTable(ReadOnlySpan<byte> font, int face, ReadOnlySpan<byte> tag)
    {
        if (face + 12 > font.Length)
        {
            return null;
        }

        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[(face + 4)..]);
        for (var i = 0; i < tables; i++)
        {
            var entry = face + 12 + (16 * i);
            if (entry + 16 > font.Length)
            {
                return null;
            }

            if (font.Slice(entry, 4).SequenceEqual(tag))
            {
                var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(font[(entry + 8)..]);
                return offset + 4 <= font.Length ? offset : null;
            }
        }

        return null;
    }

    private static int PatchFormat12(Span<byte> font, int subtable)
    {
        var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(font[(subtable + 12)..]);
        var first = subtable + 16;
        if (groups < 0 || first + ((long)groups * 12) > font.Length)
        {
            return 0;
        }

        // The glyphs of the CJK unified ideographs (URO and extension A).
        var ideographGlyphs = new HashSet<uint>();
        for (var g = 0; g < groups; g++)
        {
            var (start, end, glyph) = Group(font, first + (12 * g));
            var from = Math.Max(start, 0x3400u);
            var to = Math.Min(end, 0x9FFFu);
            for (var c = from; c <= to && to >= from; c++)
            {
                ideographGlyphs.Add(glyph + (c - start));
            }
        }

        // A radical alone in its group whose glyph is an ideograph's is mapped to glyph 0
        // (.notdef), which cmap readers skip. Groups of several radicals never alias in the
        // fonts seen (Noto CJK, Source Han), and cannot be unmapped in place, so they stay.
        var patched = 0;
        for (var g = 0; g < groups; g++)
        {
            var at = first + (12 * g);
            var (start, end, glyph) = Group(font, at);
            if (start == end && start is >= RadicalsFirst and <= RadicalsLast && glyph != 0 && ideographGlyphs.Contains(glyph))
            {
                BinaryPrimitives.WriteUInt32BigEndian(font[(at + 8)..], 0);
                patched++;
            }
        }

        return patched;
    }

    private static (uint Start, uint End, uint Glyph) Group(ReadOnlySpan<byte> font, int at) =>
        (BinaryPrimitives.ReadUInt32BigEndian(font[at..]),
         BinaryPrimitives.ReadUInt32BigEndian(font[(at + 4)..]),
         BinaryPrimitives.ReadUInt32BigEndian(font[(at + 8)..]));
}
