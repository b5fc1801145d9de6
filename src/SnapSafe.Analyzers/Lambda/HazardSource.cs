using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Configuration;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>An operation whose result must not be kept from init: what a rule matched and how to name it.</summary>
    internal readonly struct HazardSource
    {
        public HazardSource(DiagnosticDescriptor rule, string api, IOperation operation)
        {
            Rule = rule;
            Api = api;
            Operation = operation;
        }

        public DiagnosticDescriptor Rule { get; }

        /// <summary>The API as users write it, for the message (<c>Guid.NewGuid()</c>, <c>DateTime.UtcNow</c>).</summary>
        public string Api { get; }

        public IOperation Operation { get; }
    }

    /// <summary>What rules need to know beyond the operation itself.</summary>
    internal interface IHazardContext
    {
        KnownTypes Types { get; }

        SnapSafeOptions Options { get; }

        /// <summary>True when the receiver is a <c>Random</c> created with a constant seed (deterministic by intent).</summary>
        bool IsConstantSeededRandom(IOperation receiver);
    }
}
