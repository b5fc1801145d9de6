using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A hazard the init-phase model found, ready to be reported in the tree that holds it.</summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor rule, Location location, ImmutableArray<Location> additionalLocations, ImmutableDictionary<string, string?> properties, object[] messageArguments, ImmutableArray<ISymbol> origins = default)
        {
            Origins = origins.IsDefault ? ImmutableArray<FindingOrigin>.Empty : ImmutableArray.CreateRange(origins, FindingOrigin.Of);
            Rule = rule;
            Location = location;
            AdditionalLocations = additionalLocations;
            Properties = properties;
            MessageArguments = messageArguments;
        }

        public DiagnosticDescriptor Rule { get; }

        public Location Location { get; }

        public ImmutableArray<Location> AdditionalLocations { get; }

        public ImmutableDictionary<string, string?> Properties { get; }

        public object[] MessageArguments { get; }

        /// <summary>
        /// The handler types or entry point whose init reaches this finding; empty when it concerns every function.
        /// Held by name, so that a finding keeps no symbol (and no compilation) alive once published.
        /// </summary>
        public ImmutableArray<FindingOrigin> Origins { get; }

        public Diagnostic ToDiagnostic()
            => Diagnostic.Create(Rule, Location, AdditionalLocations, Properties, MessageArguments);
    }

    /// <summary>What a finding belongs to: a handler type, by full name, or the entry point of an executable.</summary>
    internal readonly struct FindingOrigin
    {
        private FindingOrigin(string? typeName, bool isEntryPoint)
        {
            TypeName = typeName;
            IsEntryPoint = isEntryPoint;
        }

        /// <summary>The full name of the handler type; null for the entry point.</summary>
        public string? TypeName { get; }

        /// <summary>True for the entry point (<c>Main</c> or the top-level statements).</summary>
        public bool IsEntryPoint { get; }

        public static FindingOrigin Of(ISymbol origin) => origin switch
        {
            INamedTypeSymbol type => new FindingOrigin(SymbolFacts.FullName(type), isEntryPoint: false),
            IMethodSymbol => new FindingOrigin(null, isEntryPoint: true),
            _ => new FindingOrigin(origin.Name, isEntryPoint: false),
        };

        public override string ToString() => IsEntryPoint ? "the entry point" : TypeName ?? string.Empty;
    }
}
