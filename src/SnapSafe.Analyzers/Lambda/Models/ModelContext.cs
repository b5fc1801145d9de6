using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Configuration;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>What the programming models of one compilation share while they recognize its functions.</summary>
    internal sealed class ModelContext
    {
        private readonly List<INamedTypeSymbol> _functionTypes = new List<INamedTypeSymbol>();

        public ModelContext(Compilation compilation, KnownTypes types, SnapSafeOptions options, ImmutableHashSet<string> templateHandlers, SourceBodies bodies)
        {
            Compilation = compilation;
            Types = types;
            Options = options;
            TemplateHandlers = templateHandlers;
            Bodies = bodies;
            EntryPoint = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication
                ? compilation.GetEntryPoint(bodies.CancellationToken)
                : null;
            HasAssemblySerializer = types.LambdaSerializerAttribute != null
                && SymbolFacts.HasAttribute(compilation.Assembly.GetAttributes(), types.LambdaSerializerAttribute);
        }

        public Compilation Compilation { get; }

        public KnownTypes Types { get; }

        public SnapSafeOptions Options { get; }

        /// <summary>Full names of the types the deployment templates name as handlers of this assembly.</summary>
        public ImmutableHashSet<string> TemplateHandlers { get; }

        public SourceBodies Bodies { get; }

        /// <summary>The program's entry point (<c>Main</c> or top-level statements), when it has one.</summary>
        public IMethodSymbol? EntryPoint { get; }

        /// <summary>True when the assembly carries <c>[assembly: LambdaSerializer]</c>.</summary>
        public bool HasAssemblySerializer { get; }

        /// <summary>Every model's function types, in the order recognized.</summary>
        public IReadOnlyList<INamedTypeSymbol> FunctionTypes => _functionTypes;

        /// <summary>True when configuration or a template names the type as a handler.</summary>
        public bool IsNamedHandler(INamedTypeSymbol type)
            => (!Options.HandlerTypes.IsEmpty || !TemplateHandlers.IsEmpty)
                && (SymbolFacts.IsListed(Options.HandlerTypes, type, out _) || TemplateHandlers.Contains(SymbolFacts.FullName(type)));

        public void AddFunctionType(INamedTypeSymbol type) => _functionTypes.Add(type);
    }
}
