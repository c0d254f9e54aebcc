namespace OutreachBot.Ledger;

/// <summary>The reporter's answer at 回访.</summary>
public enum Satisfaction
{
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
}

public static class Satisfactions
{
    public static string ChineseName(this Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => "满意",
        Satisfaction.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };
}
