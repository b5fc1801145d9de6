using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A hazard the init-phase model found, ready to be reported in the tree that holds it.</summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor rule, Location location, ImmutableArray<Location> additionalLocations, ImmutableDictionary<string, string?> properties, object[] messageArguments, ImmutableArray<ISymbol> origins = default)
        {
            Origins = origins.IsDefault ? ImmutableArray<ISymbol>.Empty : origins;
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

        /// <summary>The handler types or entry point whose init reaches this finding; empty when it concerns every function.</summary>
        public ImmutableArray<ISymbol> Origins { get; }

        public Diagnostic ToDiagnostic()
            => Diagnostic.Create(Rule, Location, AdditionalLocations, Properties, MessageArguments);
    }
}
