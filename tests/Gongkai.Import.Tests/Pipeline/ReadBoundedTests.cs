using Gongkai.Domain.Reports;
using Xunit;

namespace Gongkai.Import.Tests.Pipeline;

/// <summary>
/// <see cref="ImportLimits.ReadBounded"/>: a stream of known size is read into one array of that size,
/// any other stream in pooled chunks; both stop at <see cref="ImportLimits.MaxFileBytes"/>.
/// </summary>
public sealed class ReadBoundedTests
{
    private static readonly byte[] s_bytes = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7))];

    [Fact]
    public void SeekableStream_FromItsPosition_GivesTheRest()
    {
        using var stream = new MemoryStream(s_bytes) { Position = 1_000 };
        Assert.Equal(s_bytes[1_000..], ImportLimits.ReadBounded(stream, "a.txt"));
    }

    [Fact]
    public void UnseekableStream_IsReadWhole()
    {
        using var stream = new Unseekable(s_bytes, grows: 0);
        Assert.Equal(s_bytes, ImportLimits.ReadBounded(stream, "a.txt"));
    }

    [Fact]
    public void StreamLongerThanItsLength_IsReadToItsEnd()
    {
        using var stream = new Unseekable(s_bytes, grows: 5_000);
        Assert.Equal(s_bytes, ImportLimits.ReadBounded(stream, "a.txt"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void OverTheLimit_IsRefused(bool seekable)
    {
        using Stream stream = seekable ? new MemoryStream(new byte[ImportLimits.MaxFileBytes + 1]) : new Unseekable(new byte[ImportLimits.MaxFileBytes + 1], grows: 0);
        var e = Assert.Throws<ImportLimitException>(() => ImportLimits.ReadBounded(stream, "big.txt"));
        Assert.Equal(DiagnosticCodes.SourceTooLarge, e.Refusal.Code);
    }

    /// <summary>A stream that cannot seek, or (when <c>grows</c> &gt; 0) says it is shorter than it is, as a file being written does.</summary>
    private sealed class Unseekable(byte[] bytes, int grows) : Stream
    {
        private readonly MemoryStream _inner = new(bytes);

        public override bool CanRead => true;

        public override bool CanSeek => grows > 0;

        public override bool CanWrite => false;

        public override long Length => grows > 0 ? bytes.Length - grows : throw new NotSupportedException();

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 777));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
