using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda.Models
{
    /// <summary>
    /// The programming models of one compilation, recognized in a single pass over its source types: each model's
    /// functions, and the answers the rest of the model asks of all of them together. Adding a model is one file in
    /// this folder and one line in <see cref="Create"/>.
    /// </summary>
    internal sealed class ProgrammingModels
    {
        private readonly ModelContext _context;

        private ProgrammingModels(ModelContext context, ImmutableArray<ProgrammingModel> all, EntryPointStart entryPoint)
        {
            _context = context;
            All = all;
            EntryPointStart = entryPoint;
        }

        /// <summary>Every model, present or not, in the order init runs their code (setup before function objects).</summary>
        public ImmutableArray<ProgrammingModel> All { get; }

        /// <summary>Types the runtime (or a generated wrapper) builds during init to serve invocations, of every model.</summary>
        public IReadOnlyList<INamedTypeSymbol> FunctionTypes => _context.FunctionTypes;

        /// <summary>The program's entry point (<c>Main</c> or top-level statements), when it has one.</summary>
        public IMethodSymbol? EntryPoint => _context.EntryPoint;

        /// <summary>How the entry point starts the runtime.</summary>
        public EntryPointStart EntryPointStart { get; }

        /// <summary>The statement that starts the Lambda runtime, when a present model has one.</summary>
        public SyntaxNode? RuntimeStart
        {
            get
            {
                foreach (var model in All)
                {
                    if (model.RuntimeStart is { } start)
                    {
                        return start;
                    }
                }

                return null;
            }
        }

        /// <summary>The model of a given kind (tests and rules that ask one model).</summary>
        public TModel Get<TModel>()
            where TModel : ProgrammingModel
        {
            foreach (var model in All)
            {
                if (model is TModel typed)
                {
                    return typed;
                }
            }

            throw new KeyNotFoundException(typeof(TModel).Name);
        }

        public static ProgrammingModels Create(ModelContext context, BodyFactsTable facts)
        {
            var entryPoint = new EntryPointStart(context, facts);
            var all = ImmutableArray.Create<ProgrammingModel>(
                new ClassLibraryModel(context),
                new AnnotationsModel(context),
                new ExecutableModel(context, entryPoint),
                new MinimalApiModel(context, entryPoint),
                new AspNetCoreFunctionModel(context));

            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(context.Compilation.Assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                context.Bodies.CancellationToken.ThrowIfCancellationRequested();
                var current = stack.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        stack.Push(ns);
                        continue;
                    }

                    if (member is not INamedTypeSymbol type || !SymbolFacts.IsInSource(type))
                    {
                        continue;
                    }

                    stack.Push(type);
                    if (type.TypeKind != TypeKind.Class && type.TypeKind != TypeKind.Struct)
                    {
                        continue;
                    }

                    foreach (var model in all)
                    {
                        if (model.Recognize(type))
                        {
                            context.AddFunctionType(type);
                        }
                    }
                }
            }

            foreach (var model in all)
            {
                model.Complete();
            }

            return new ProgrammingModels(context, all, entryPoint);
        }

        /// <summary>
        /// True when a closure (a lambda, or a delegate created from a lambda or a method group) is an argument that runs
        /// during init with the call that receives it: a host builder's configuration callbacks
        /// (<see cref="HostBuilderCallbacks"/>), and what a model says (see <see cref="ProgrammingModel.RunsDuringInit"/>).
        /// </summary>
        public bool RunsDuringInit(IOperation closure)
        {
            if (!OperationFacts.IsArgument(closure, out var call, out var parameter))
            {
                return false;
            }

            // A host builder's configuration callbacks, whatever the model.
            if (HostBuilderCallbacks.IsCallbackRegistration(call!, _context.Types))
            {
                return true;
            }

            foreach (var model in All)
            {
                if (model.RunsDuringInit(call!, parameter!))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Where a hook registration found in invocation code can move so that it runs during init, if anywhere.</summary>
        public HookHost HookHostFor(IInvocationOperation registration)
        {
            foreach (var model in All)
            {
                if (model.HookHostFor(registration) is var host && host != HookHost.None)
                {
                    return host;
                }
            }

            return HookHost.None;
        }
    }
}
