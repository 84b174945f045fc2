namespace ConnectorHub.Core.Mapping.Normalizers.DateTimes;

/// <summary>How to read an all-numeric date such as 03/05/2024 (year-first dates are never ambiguous).</summary>
internal enum DateOrder
{
    /// <summary>Month first (US): 03/05/2024 is March 5.</summary>
    MonthFirst,

    /// <summary>Day first (most of the world): 03/05/2024 is 3 May.</summary>
    DayFirst,
}
