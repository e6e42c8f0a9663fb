namespace Gongkai.Data.Entities;

/// <summary>
/// A State Council holiday notice an administrator loaded (国务院办公厅关于某年部分节假日安排的通知): one year's
/// schedule as calendar JSON (the <c>years</c> entry format of <c>holidays-cn.json</c>, docs/calendar.md). History:
/// a later record for the same year replaces the earlier one in the calendar; rows are never changed.
/// </summary>
public sealed class HolidayNoticeRecord
{
    public int Id { get; set; }

    public int Year { get; set; }

    /// <summary>The notice's 文号, e.g. 国办发明电〔2026〕7号.</summary>
    public required string Number { get; set; }

    /// <summary>The year's schedule as calendar JSON.</summary>
    public required string Json { get; set; }

    public DateTime LoadedAt { get; set; }

    public required string LoadedBy { get; set; }
}
