using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using OutreachBot.Roster;
using OutreachBot.Time;

namespace OutreachBot.Visits;

/// <summary>
/// 走访记录导出: visits as an .xlsx workbook, one row per visit, oldest first, with where, whom, who and the four
/// notes. The notes may hold sensitive facts about a household: only staff get this file; never log its content.
/// </summary>
public sealed class VisitExport(IRosterStore roster)
{
    public static IReadOnlyList<string> Columns { get; } =
        ["走访日期", "乡镇", "村", "组", "户主", "走访干部", "工作单位", "方式", "村情社情", "户情民情", "期盼愿望", "问题困难", "照片", "记录时间"];

    /// <summary>e.g. 走访记录-20261127.xlsx (the date in Asia/Shanghai).</summary>
    public static string FileName(DateTimeOffset now) => $"走访记录-{ChinaTime.DateOf(now):yyyyMMdd}.xlsx";

    /// <summary>Writes the visits; returns the rows written.</summary>
    public int Write(Stream output, IEnumerable<Visit> visits)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(visits);
        var names = new Names(roster);
        var rows = visits.OrderBy(v => v.At).Select(v => names.Row(v)).ToList();
        output.SaveAs(rows, sheetName: "走访记录", excelType: ExcelType.XLSX);
        return rows.Count;
    }

    public static string KindName(VisitKind kind) => kind switch
    {
        VisitKind.Relief => "慰问",
        VisitKind.FieldStay => "蹲点调研",
        _ => "入户走访",
    };

    /// <summary>Roster names looked up once per export, not once per row.</summary>
    private sealed class Names(IRosterStore roster)
    {
        private readonly Dictionary<string, Household?> _households = [];
        private readonly Dictionary<string, Cadre?> _cadres = [];
        private readonly Dictionary<string, (string Village, string Township)> _places = [];

        public VisitRow Row(Visit v)
        {
            var household = Find(_households, v.HouseholdId, roster.FindHousehold);
            var cadre = Find(_cadres, v.CadreId, roster.FindCadre);
            var (village, township) = Place(v.VillageId);
            return new VisitRow
            {
                Date = ChinaTime.Format(v.At),
                Township = township,
                Village = village,
                Group = household?.Group ?? "",
                Head = household?.HeadName ?? v.HouseholdId,
                Cadre = cadre?.Name ?? v.CadreId,
                Unit = cadre?.Unit ?? "",
                Kind = KindName(v.Kind),
                VillageSituation = v.VillageSituation ?? "",
                HouseholdSituation = v.HouseholdSituation ?? "",
                Hopes = v.Hopes ?? "",
                Problems = v.Problems ?? "",
                Photo = v.Photo ?? "",
                RecordedAt = ChinaTime.Format(v.RecordedAt),
            };
        }

        private (string Village, string Township) Place(string villageId)
        {
            if (!_places.TryGetValue(villageId, out var place))
            {
                var village = roster.FindVillage(villageId);
                var township = village is null ? null : roster.FindTownship(village.TownshipId);
                place = (village?.Name ?? villageId, township?.Name ?? "");
                _places[villageId] = place;
            }

            return place;
        }

        private static T? Find<T>(Dictionary<string, T?> cache, string id, Func<string, T?> load)
            where T : class
        {
            if (!cache.TryGetValue(id, out var found))
            {
                found = load(id);
                cache[id] = found;
            }

            return found;
        }
    }

    internal sealed class VisitRow
    {
        [ExcelColumnName("走访日期")]
        [ExcelColumnWidth(17)]
        public string Date { get; init; } = "";

        [ExcelColumnName("乡镇")]
        public string Township { get; init; } = "";

        [ExcelColumnName("村")]
        public string Village { get; init; } = "";

        [ExcelColumnName("组")]
        public string Group { get; init; } = "";

        [ExcelColumnName("户主")]
        public string Head { get; init; } = "";

        [ExcelColumnName("走访干部")]
        public string Cadre { get; init; } = "";

        [ExcelColumnName("工作单位")]
        [ExcelColumnWidth(16)]
        public string Unit { get; init; } = "";

        [ExcelColumnName("方式")]
        public string Kind { get; init; } = "";

        [ExcelColumnName("村情社情")]
        [ExcelColumnWidth(30)]
        public string VillageSituation { get; init; } = "";

        [ExcelColumnName("户情民情")]
        [ExcelColumnWidth(30)]
        public string HouseholdSituation { get; init; } = "";

        [ExcelColumnName("期盼愿望")]
        [ExcelColumnWidth(30)]
        public string Hopes { get; init; } = "";

        [ExcelColumnName("问题困难")]
        [ExcelColumnWidth(30)]
        public string Problems { get; init; } = "";

        [ExcelColumnName("照片")]
        public string Photo { get; init; } = "";

        [ExcelColumnName("记录时间")]
        [ExcelColumnWidth(17)]
        public string RecordedAt { get; init; } = "";
    }
}
