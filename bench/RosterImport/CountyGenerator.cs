using System.Text;

namespace OutreachBot.Bench.RosterImport;

/// <summary>
/// A roster at the county report's scale: 3,809 cadres paired with 10,334 households, every household paired.
/// Shape after the report: 37 county leaders, a first secretary and two work-team members per village, the rest
/// helping cadres from county departments; about one household in five has a second cadre.
/// </summary>
public static class CountyGenerator
{
    public const int Cadres = 3809;
    public const int Households = 10334;
    public const int Townships = 17;
    public const int Villages = 120;
    public const int CountyLeaders = 37;

    public static int Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(3809);
        string[] surnames = ["王", "张", "李", "杨", "陈", "刘", "赵", "周", "何", "罗", "唐", "蒲", "宋", "郭", "冯", "扎西", "泽郎", "格绒"];
        string[] given = ["德明", "秀英", "国华", "桂兰", "建军", "玉珍", "志明", "春花", "卓玛", "拉姆", "措", "多吉"];

        Write(folder, "townships.csv", "id,name", Enumerable.Range(1, Townships).Select(t => $"T{t:D2},第{t}乡"));
        Write(folder, "villages.csv", "id,name,township_id", Enumerable.Range(1, Villages).Select(v => $"V{v:D3},第{v}村,T{(v % Townships) + 1:D2}"));

        var cadres = new List<string>();
        var stationed = new Dictionary<int, List<string>>();
        var helpers = new List<string>();
        for (var c = 1; c <= Cadres; c++)
        {
            var id = $"C{c:D4}";
            var name = surnames[random.Next(surnames.Length)] + given[random.Next(given.Length)];
            if (c <= CountyLeaders)
            {
                cadres.Add($"{id},{name},县委,CountyLeader,");
                helpers.Add(id);
            }
            else if (c <= CountyLeaders + (Villages * 3))
            {
                var village = ((c - CountyLeaders - 1) % Villages) + 1;
                var role = c <= CountyLeaders + Villages ? "FirstSecretary" : "WorkTeam";
                cadres.Add($"{id},{name},县第{village % 40}局,{role},V{village:D3}");
                (stationed.TryGetValue(village, out var list) ? list : stationed[village] = []).Add(id);
            }
            else
            {
                cadres.Add($"{id},{name},县第{c % 62}局,HelpingCadre,");
                helpers.Add(id);
            }
        }

        Write(folder, "cadres.csv", "id,name,unit,role,village_id", cadres);
        Write(folder, "staff.csv", "id,name,office", Enumerable.Range(1, Townships + 1).Select(s => s > Townships ? $"S{s:D2},县办{s},county" : $"S{s:D2},乡办{s},T{s:D2}"));

        var households = new List<string>();
        var pairings = new List<string>();
        var next = 0;
        for (var h = 1; h <= Households; h++)
        {
            var id = $"H{h:D5}";
            var village = ((h - 1) % Villages) + 1;
            var phone = random.Next(100) < 70 ? $"13{random.Next(3, 10)}{random.Next(100_000_000):D8}" : "";
            var tags = random.Next(100) < 30 ? "建档立卡、低保" : "";
            households.Add($"{id},V{village:D3},{random.Next(1, 6)}组,{surnames[random.Next(surnames.Length)]}{given[random.Next(given.Length)]},{random.Next(1, 8)},{tags},{phone}");
            var local = stationed[village];
            var primary = h % 3 == 0 ? local[h % local.Count] : helpers[next++ % helpers.Count];
            pairings.Add($"{primary},{id}");
            if (random.Next(100) < 20)
            {
                var second = helpers[random.Next(helpers.Count)];
                if (second != primary)
                {
                    pairings.Add($"{second},{id}");
                }
            }
        }

        Write(folder, "households.csv", "id,village_id,group,head_name,members,tags,phone", households);
        Write(folder, "pairings.csv", "cadre_id,household_id", pairings);
        return pairings.Count;
    }

    private static void Write(string folder, string file, string header, IEnumerable<string> rows)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            text.Append(row).Append('\n');
        }

        File.WriteAllText(Path.Combine(folder, file), text.ToString(), new UTF8Encoding(false));
    }
}
