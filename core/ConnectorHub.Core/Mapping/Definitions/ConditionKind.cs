namespace ConnectorHub.Core.Mapping.Definitions;

/// <summary>The kinds of <c>when</c> condition.</summary>
public enum ConditionKind
{
    /// <summary>The path has a value that is not false (<c>when: properties.email</c>; <c>!path</c> negates).</summary>
    Present,

    /// <summary>A Scriban template renders something other than empty, false or 0.</summary>
    Template,

    /// <summary>The path's value equals the operand.</summary>
    Equals,

    /// <summary>The path's value differs from the operand.</summary>
    NotEquals,

    /// <summary>The path's value is one of the operands.</summary>
    In,

    /// <summary>The path's value is none of the operands.</summary>
    NotIn,

    /// <summary>The path's text matches a regular expression.</summary>
    Matches,

    /// <summary>The path's number is greater than the operand.</summary>
    GreaterThan,

    /// <summary>The path's number is at least the operand.</summary>
    GreaterOrEqual,

    /// <summary>The path's number is less than the operand.</summary>
    LessThan,

    /// <summary>The path's number is at most the operand.</summary>
    LessOrEqual,

    /// <summary>Every child holds.</summary>
    All,

    /// <summary>At least one child holds.</summary>
    Any,

    /// <summary>The single child does not hold.</summary>
    Not,
}
