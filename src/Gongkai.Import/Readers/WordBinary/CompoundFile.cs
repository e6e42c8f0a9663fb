using System.Buffers.Binary;
using System.Text;

namespace Gongkai.Import.Readers.WordBinary;

/// <summary>
/// A read-only view of an OLE compound file ([MS-CFB]): the container of Word 97-2003 documents
/// (.doc) and of WPS Office's .wps. Only what reading a document's streams needs: the header, the
/// sector allocation table (with its DIFAT extension), the directory and the mini stream. Every
/// chain is followed at most as many steps as the file has sectors, so a cycle or a chain past the
/// end of a hostile file ends in <see cref="InvalidDataException"/>, not a loop.
/// </summary>
internal sealed class CompoundFile
{
    private const uint EndOfChain = 0xFFFFFFFE;
    private const uint FreeSector = 0xFFFFFFFF;

    private static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private readonly byte[] _bytes;
    private readonly int _sectorSize;
    private readonly int _miniSectorSize;
    private readonly uint _miniCutoff;
    private readonly uint[] _fat;
    private readonly uint[] _miniFat;
    private readonly List<(string Name, int Type, uint Start, long Size)> _entries;
    private byte[]? _miniStream;

    private CompoundFile(byte[] bytes)
    {
        _bytes = bytes;
        var header = bytes.AsSpan(0, 512);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        var miniShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x20..]);
        if (sectorShift is not (9 or 12) || miniShift != 6)
        {
            throw new InvalidDataException("复合文件头的扇区大小无效");
        }

        _sectorSize = 1 << sectorShift;
        _miniSectorSize = 1 << miniShift;
        _miniCutoff = BinaryPrimitives.ReadUInt32LittleEndian(header[0x38..]);
        var sectors = (int)Math.Max(0, (bytes.Length - (long)_sectorSize) / _sectorSize);

        // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
        var fatSectors = new List<uint>();
        for (var i = 0; i < 109; i++)
        {
            var s = BinaryPrimitives.ReadUInt32LittleEndian(header[(0x4C + (4 * i))..]);
            if (s < FreeSector - 1)
            {
                fatSectors.Add(s);
            }
        }

        var difat = BinaryPrimitives.ReadUInt32LittleEndian(header[0x44..]);
        for (var steps = 0; difat < EndOfChain; steps++)
        {
            if (steps > sectors)
            {
                throw new InvalidDataException("复合文件的扇区分配表链有环");
            }

            var sector = Sector(difat);
            var perSector = (_sectorSize / 4) - 1;
            for (var i = 0; i < perSector; i++)
            {
                var s = BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * i)..]);
                if (s < FreeSector - 1)
                {
                    fatSectors.Add(s);
                }
            }

            difat = BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * perSector)..]);
        }

        if (fatSectors.Count > sectors + 1)
        {
            throw new InvalidDataException("复合文件的分配表比文件本身还大");
        }

        _fat = new uint[fatSectors.Count * (_sectorSize / 4)];
        for (var i = 0; i < fatSectors.Count; i++)
        {
            var sector = Sector(fatSectors[i]);
            for (var k = 0; k < _sectorSize / 4; k++)
            {
                _fat[(i * (_sectorSize / 4)) + k] = BinaryPrimitives.ReadUInt32LittleEndian(sector[(4 * k)..]);
            }
        }

        var directory = Chain(BinaryPrimitives.ReadUInt32LittleEndian(header[0x30..]), long.MaxValue);
        _entries = [];
        for (var at = 0; at + 128 <= directory.Length; at += 128)
        {
            var entry = directory.AsSpan(at, 128);
            var nameLength = Math.Min((int)BinaryPrimitives.ReadUInt16LittleEndian(entry[0x40..]), 64);
            var name = nameLength >= 2 ? Encoding.Unicode.GetString(entry[..(nameLength - 2)]) : string.Empty;
            var size = _sectorSize == 512 ? BinaryPrimitives.ReadUInt32LittleEndian(entry[0x78..]) : BinaryPrimitives.ReadInt64LittleEndian(entry[0x78..]);
            _entries.Add((name, entry[0x42], BinaryPrimitives.ReadUInt32LittleEndian(entry[0x74..]), size));
        }

        var miniFat = Chain(BinaryPrimitives.ReadUInt32LittleEndian(header[0x3C..]), long.MaxValue);
        _miniFat = new uint[miniFat.Length / 4];
        for (var i = 0; i < _miniFat.Length; i++)
        {
            _miniFat[i] = BinaryPrimitives.ReadUInt32LittleEndian(miniFat.AsSpan(4 * i));
        }
    }

    /// <summary>Whether the bytes start as a compound file does.</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    /// <summary>Opens the container; <see cref="InvalidDataException"/> when it is not one or is broken.</summary>
    public static CompoundFile Open(byte[] bytes)
    {
        if (bytes.Length < 1024 || !IsCompoundFile(bytes))
        {
            throw new InvalidDataException("不是复合文件");
        }

        return new CompoundFile(bytes);
    }

    /// <summary>The names of the streams in the container (any storage).</summary>
    public IEnumerable<string> StreamNames => _entries.Where(e => e.Type == 2).Select(e => e.Name);

    /// <summary>A stream's bytes by its name, or null when there is none.</summary>
    public byte[]? Stream(string name)
    {
        var index = _entries.FindIndex(e => e.Type == 2 && string.Equals(e.Name, name, StringComparison.Ordinal));
        if (index < 0)
        {
            return null;
        }

        var (_, _, start, size) = _entries[index];
        if (size < 0 || size > _bytes.Length * 2L)
        {
            throw new InvalidDataException("复合文件中的数据流长度无效");
        }

        if (size < _miniCutoff)
        {
            _miniStream ??= Chain(_entries[0].Start, _entries[0].Size);
            return MiniChain(start, size);
        }

        return Chain(start, size);
    }

    private ReadOnlySpan<byte> Sector(uint sector)
    {
        var offset = (sector + 1L) * _sectorSize;
        if (offset + _sectorSize > _bytes.Length)
        {
            throw new InvalidDataException("复合文件的扇区超出文件末尾");
        }

        return _bytes.AsSpan((int)offset, _sectorSize);
    }

    /// <summary>The bytes of the sector chain from <paramref name="start"/>, cut to <paramref name="size"/>.</summary>
    private byte[] Chain(uint start, long size)
    {
        using var output = new MemoryStream();
        var sector = start;
        for (var steps = 0; sector < EndOfChain && output.Length < size; steps++)
        {
            if (steps > _fat.Length || sector >= _fat.Length)
            {
                throw new InvalidDataException("复合文件的扇区链无效");
            }

            output.Write(Sector(sector));
            sector = _fat[sector];
        }

        var bytes = output.ToArray();
        return size < bytes.Length ? bytes[..(int)size] : bytes;
    }

    private byte[] MiniChain(uint start, long size)
    {
        var output = new byte[size];
        var written = 0;
        var sector = start;
        for (var steps = 0; sector < EndOfChain && written < size; steps++)
        {
            var offset = (long)sector * _miniSectorSize;
            if (steps > _miniFat.Length || sector >= _miniFat.Length || offset + _miniSectorSize > _miniStream!.Length)
            {
                throw new InvalidDataException("复合文件的小扇区链无效");
            }

            var take = (int)Math.Min(_miniSectorSize, size - written);
            _miniStream.AsSpan((int)offset, take).CopyTo(output.AsSpan(written));
            written += take;
            sector = _miniFat[sector];
        }

        return written == size ? output : output[..written];
    }
}
