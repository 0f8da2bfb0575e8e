using System.Globalization;
using System.Text;

namespace SpeechQa.Search;

/// <summary>
/// The position after a call in a sort order: (score or start time, start time, call id) — keyset paging, so
/// page 600 costs what page 1 costs and nothing is skipped or repeated while calls are being added.
/// </summary>
public sealed record SearchCursor(long SortValue, long StartedAtMs, string CallId)
{
    public string Encode() => Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{SortValue}|{StartedAtMs}|{CallId}")))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Decodes a cursor; a damaged one gives <see cref="FormatException"/> with a clear message.</summary>
    public static SearchCursor Decode(string cursor)
    {
        ArgumentNullException.ThrowIfNull(cursor);
        try
        {
            var padded = cursor.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|', 3);
            return new SearchCursor(long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture), parts[2]);
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
        {
            throw new FormatException($"分页游标无效 invalid paging cursor '{cursor}'", e);
        }
    }

    public static SearchCursor Of(CallDocument call, SearchSort sort) => new(
        sort is SearchSort.ScoreAscending or SearchSort.ScoreDescending ? call.Score ?? -1 : call.StartedAt.ToUnixTimeMilliseconds(),
        call.StartedAt.ToUnixTimeMilliseconds(), call.CallId);
}
