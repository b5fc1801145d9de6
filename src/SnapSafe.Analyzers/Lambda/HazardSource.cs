using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
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

    /// <summary>What rules may ask the model while it matches an operation.</summary>
    internal interface IHazardContext
    {
        KnownTypes Types { get; }

        SnapSafeOptions Options { get; }

        /// <summary>The values a local receives in the body that declares it (assignments and its initializer).</summary>
        IReadOnlyList<IOperation> ValuesOf(ILocalReferenceOperation local);

        /// <summary>The initializer values written in the declaration of a field or property.</summary>
        IEnumerable<IOperation> DeclaredInitializersOf(ISymbol member);
    }
}
