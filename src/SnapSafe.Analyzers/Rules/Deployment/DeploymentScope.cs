using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Deployment;

namespace SnapSafe.Analyzers.Rules.Deployment
{
    /// <summary>
    /// What the deployment rules check in one file: the functions it declares with SnapStart on (or set by an
    /// intrinsic function SnapSafe cannot evaluate) whose handler names this compilation's assembly. Functions of
    /// other assemblies are left to the projects they belong to, so that a template shared by several projects gets
    /// each finding once.
    /// </summary>
    internal sealed class DeploymentScope
    {
        public DeploymentScope(DeploymentModel model, TemplateFile file, Compilation compilation)
        {
            Model = model;
            File = file;
            Compilation = compilation;
            var functions = new List<DeployedFunction>();
            foreach (var function in model.Functions)
            {
                if (ReferenceEquals(function.File, file) && IsChecked(function))
                {
                    functions.Add(function);
                }
            }

            Functions = functions;
        }

        public DeploymentModel Model { get; }

        public TemplateFile File { get; }

        public Compilation Compilation { get; }

        /// <summary>The functions of <see cref="File"/> the rules check.</summary>
        public IReadOnlyList<DeployedFunction> Functions { get; }

        public bool IsChecked(DeployedFunction function)
            => function.SnapStart != false
                && function.HandlerAssembly is string assembly
                && string.Equals(assembly, Compilation.AssemblyName, StringComparison.OrdinalIgnoreCase);
    }
}
