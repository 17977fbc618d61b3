<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <source>See and learn backpropagation: step one pass of the classic 2-2-2 sigmoid network by hand, every number on a live diagram.</source>
        <translation>看见并学会反向传播：亲手一步步走完经典 2-2-2 sigmoid 网络的一次传播，每个数都显示在实时更新的网络图上。</translation>
    </message>
    <message>
        <source>Built on NumPy, PySide6 (Qt) and pyqtgraph.</source>
        <translation>基于 NumPy、PySide6 (Qt) 和 pyqtgraph 构建。</translation>
    </message>
    <message>
        <source>Read the lessons (README)</source>
        <translation>阅读课程（README）</translation>
    </message>
</context>
<context>
    <name>DataMenu</name>
    <message>
        <source>CSV tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 表格 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Python scripts (*.py);;All files (*)</source>
        <translation>Python 脚本 (*.py);;所有文件 (*)</translation>
    </message>
    <message>
        <source>&amp;Import data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Train the playground on points from a CSV file: x1,x2,label (a class number or name) or x1,x2,value</source>
        <translation>用 CSV 文件中的点训练演练场：x1,x2,label（类别编号或名称）或 x1,x2,value</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>导出数据(&amp;D)…</translation>
    </message>
    <message>
        <source>Write the playground&apos;s points (train and test) to a CSV file</source>
        <translation>把演练场的点（训练集和测试集）写入 CSV 文件</translation>
    </message>
    <message>
        <source>Export as &amp;Python script…</source>
        <translation>导出为 Python 脚本(&amp;P)…</translation>
    </message>
    <message>
        <source>Write this network, its data, starting weights and training loop as a standalone NumPy script that prints the same losses as bpviz</source>
        <translation>把这个网络、它的数据、初始权重和训练循环写成一个独立的 NumPy 脚本，它打印的损失与 bpviz 相同</translation>
    </message>
    <message>
        <source>Cannot import the data</source>
        <translation>无法导入数据</translation>
    </message>
    <message>
        <source>{n} points of {k} classes</source>
        <translation>{n} 个点，{k} 个类别</translation>
    </message>
    <message>
        <source>{n} points with values</source>
        <translation>{n} 个带数值的点</translation>
    </message>
    <message>
        <source>Imported {counts} from {path}</source>
        <translation>已从 {path} 导入 {counts}</translation>
    </message>
    <message>
        <source>Cannot export the data</source>
        <translation>无法导出数据</translation>
    </message>
    <message>
        <source>There are no points to export: draw or import some first.</source>
        <translation>没有可导出的点：请先绘制或导入一些点。</translation>
    </message>
    <message>
        <source>{n} points written to {path}</source>
        <translation>已将 {n} 个点写入 {path}</translation>
    </message>
    <message>
        <source>Cannot export the script</source>
        <translation>无法导出脚本</translation>
    </message>
    <message>
        <source>The playground has no network yet.</source>
        <translation>演练场还没有网络。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>Script written to {path}: python {name} trains this network for {epochs} epochs from its starting weights</source>
        <translation>脚本已写入 {path}：python {name} 从初始权重开始把这个网络训练 {epochs} 个轮次</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>导出数据</translation>
    </message>
    <message>
        <source>Export as Python script</source>
        <translation>导出为 Python 脚本</translation>
    </message>
</context>
<context>
    <name>DiagramLegend</name>
    <message>
        <source>width = |w|</source>
        <extracomment>(kind of swatch, colour (a name in bpviz.gui.palette: read when drawn), text: translated where shown)</extracomment>
        <translation>线宽 = |w|</translation>
    </message>
    <message>
        <source>halo = |∂E/∂w|</source>
        <translation>光晕 = |∂E/∂w|</translation>
    </message>
    <message>
        <source>read by this step</source>
        <translation>本步读取</translation>
    </message>
    <message>
        <source>written by this step</source>
        <translation>本步写入</translation>
    </message>
    <message>
        <source>map = output: + blue, − orange</source>
        <translation>热图 = 输出：+ 蓝，− 橙</translation>
    </message>
</context>
<context>
    <name>DiagramValues</name>
    <message>
        <source>Type a number, e.g. 0.25.</source>
        <translation>请输入一个数，例如 0.25。</translation>
    </message>
    <message>
        <source>{typed} is not a number.</source>
        <translation>{typed} 不是数。</translation>
    </message>
    <message>
        <source>NaN is not allowed: type a finite number.</source>
        <translation>不允许 NaN：请输入一个有限的数。</translation>
    </message>
    <message>
        <source>{typed} is too large: the value must be finite.</source>
        <translation>{typed} 太大：数值必须有限。</translation>
    </message>
</context>
<context>
    <name>ExamplePage</name>
    <message>
        <source>Starting numbers</source>
        <translation>初始数值</translation>
    </message>
    <message>
        <source>Run many passes</source>
        <translation>多次传播</translation>
    </message>
    <message>
        <source>Apply update, next pass</source>
        <translation>应用更新，下一次传播</translation>
    </message>
    <message>
        <source>Start a new pass from the updated weights w⁺ (Ctrl+N)</source>
        <translation>从更新后的权重 w⁺ 开始新一次传播（Ctrl+N）</translation>
    </message>
    <message>
        <source>Reset to published values</source>
        <translation>恢复为原文数值</translation>
    </message>
    <message>
        <source>Back to the published starting numbers (w1 = 0.15 ... η = 0.5)</source>
        <translation>恢复原文中的初始数值（w1 = 0.15 … η = 0.5）</translation>
    </message>
    <message>
        <source>Starting numbers panel</source>
        <translation>初始数值面板</translation>
    </message>
    <message>
        <source>Step panel</source>
        <translation>步骤面板</translation>
    </message>
    <message>
        <source>The run of {passes} passes was cancelled: the starting numbers changed while it ran. Run again to train from the new numbers.</source>
        <translation>{passes} 次传播的运行已取消：运行期间初始数值改变了。请重新运行，从新的数值开始训练。</translation>
    </message>
    <message>
        <source>Refused: {reason}</source>
        <translation>已拒绝：{reason}</translation>
    </message>
    <message>
        <source>Biases b1 and b2 are updated too</source>
        <translation>偏置 b1 和 b2 也会更新</translation>
    </message>
    <message>
        <source>Biases stay fixed (as published)</source>
        <translation>偏置保持不变（与原文相同）</translation>
    </message>
    <message>
        <source>Starting numbers reset to the published example</source>
        <translation>初始数值已恢复为原文示例</translation>
    </message>
    <message>
        <source>New pass from the updated weights: E_total will be {value}</source>
        <translation>从更新后的权重开始新一次传播：E_total 将为 {value}</translation>
    </message>
    <message>
        <source>Running {passes} passes in the background…</source>
        <translation>正在后台运行 {passes} 次传播…</translation>
    </message>
    <message>
        <source>The run of {passes} passes was cancelled.</source>
        <translation>{passes} 次传播的运行已取消。</translation>
    </message>
    <message>
        <source>The run was dropped: the starting numbers changed while it ran.</source>
        <translation>运行结果已丢弃：运行期间初始数值改变了。</translation>
    </message>
    <message>
        <source>Ran {passes} passes: E_total = {value}</source>
        <translation>已运行 {passes} 次传播：E_total = {value}</translation>
    </message>
    <message>
        <source>The run failed: {reason}</source>
        <translation>运行失败：{reason}</translation>
    </message>
    <message>
        <source>Starting numbers set to the weights reached by the last run</source>
        <translation>初始数值已设为上次运行得到的权重</translation>
    </message>
    <message>
        <source>E_total: not computed yet</source>
        <translation>E_total：尚未计算</translation>
    </message>
    <message>
        <source>Worked-example diagram</source>
        <translation>示例网络图</translation>
    </message>
    <message>
        <source>Worked-example step (diagram and formula)</source>
        <translation>示例的当前步骤（网络图和公式）</translation>
    </message>
    <message>
        <source>Worked-example trace (CSV)</source>
        <translation>示例的计算过程（CSV）</translation>
    </message>
    <message>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Worked-example trace (Markdown)</source>
        <translation>示例的计算过程（Markdown）</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <source>bpviz sessions (*.bpviz);;All files (*)</source>
        <translation>bpviz 会话 (*.bpviz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a saved session (.bpviz)</source>
        <translation>打开已保存的会话（.bpviz）</translation>
    </message>
    <message>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <source>Save the playground and the worked example to the current session file</source>
        <translation>把演练场和示例保存到当前会话文件</translation>
    </message>
    <message>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the session to a new file</source>
        <translation>把会话保存到新文件</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <source>Session saved to {path}</source>
        <translation>会话已保存到 {path}</translation>
    </message>
    <message>
        <source>Opening {path} ({size} MB)…</source>
        <translation>正在打开 {path}（{size} MB）…</translation>
    </message>
    <message>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <source>Session opened from {path}</source>
        <translation>已从 {path} 打开会话</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <source>(no sessions yet)</source>
        <translation>（还没有会话）</translation>
    </message>
    <message>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <source>Export {view}…</source>
        <translation>导出{view}…</translation>
    </message>
    <message>
        <source>Exporting {path}…</source>
        <translation>正在导出 {path}…</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
</context>
<context>
    <name>IteratePanel</name>
    <message>
        <source>Why does the article print 0.291027924 after the first update? Here all weights move at once from the gradients of the original weights (the method the article describes), which gives 0.291027774. The article&apos;s own number comes out only if w1..w4 are updated with gradients that already use the new w5..w8.</source>
        <translation>为什么原文在第一次更新后打印 0.291027924？这里所有权重都用原始权重的梯度同时更新（即原文描述的方法），得到 0.291027774。只有当 w1..w4 用已经使用了新 w5..w8 的梯度来更新时，才会得到原文的那个数。</translation>
    </message>
    <message>
        <source>Passes:</source>
        <translation>传播次数：</translation>
    </message>
    <message>
        <source>How many full passes (forward, backward, update) to run, 1 to {max}</source>
        <translation>要运行多少次完整传播（前向传播、反向传播、更新），1 到 {max}</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Train the example from the current starting numbers and plot E_total</source>
        <translation>从当前初始数值开始训练示例，并绘制 E_total 曲线</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <source>Logarithmic error axis: the fall over thousands of passes stays visible</source>
        <translation>对数误差轴：几千次传播中误差的下降依然看得清</translation>
    </message>
    <message>
        <source>{done:,} of {total:,} passes</source>
        <translation>{done:,} / {total:,} 次传播</translation>
    </message>
    <message>
        <source>Stop the run; the curve keeps the last finished run</source>
        <translation>停止运行；曲线保留上一次完成的运行</translation>
    </message>
    <message>
        <source>Continue from here</source>
        <translation>从这里继续</translation>
    </message>
    <message>
        <source>Make the weights reached by the last run the stepper&apos;s starting numbers</source>
        <translation>把上次运行得到的权重作为单步演示的初始数值</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>传播次数</translation>
    </message>
    <message>
        <source>Run passes to see the error fall and the outputs approach the targets.</source>
        <translation>运行多次传播，看误差下降、输出逼近目标值。</translation>
    </message>
    <message>
        <source>passes: {typed} is not a whole number</source>
        <translation>传播次数：{typed} 不是整数</translation>
    </message>
    <message>
        <source>passes must be between 1 and {max}, got {got}</source>
        <translation>传播次数必须在 1 到 {max} 之间，得到的是 {got}</translation>
    </message>
    <message>
        <source>Refused: {reason}.</source>
        <translation>已拒绝：{reason}。</translation>
    </message>
    <message>
        <source>Pass {n}: E_total = {error} · out_o1 = {o1} (target {t1}) · out_o2 = {o2} (target {t2}) · first pass E_total = {first}</source>
        <translation>第 {n} 次传播：E_total = {error} · out_o1 = {o1}（目标值 {t1}）· out_o2 = {o2}（目标值 {t2}）· 第一次传播 E_total = {first}</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LessonsDialog</name>
    <message>
        <source>bpviz lessons</source>
        <translation>bpviz 课程</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Pass</source>
        <translation>传播(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <source>bpviz — see and learn backpropagation</source>
        <translation>bpviz — 看见并学会反向传播</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Reset &amp;layout</source>
        <translation>重置布局(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;About bpviz</source>
        <translation>关于 bpviz(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Lessons (README)</source>
        <translation>课程（README）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Page commands</source>
        <translation>页面命令</translation>
    </message>
    <message>
        <source>{name} — bpviz</source>
        <translation>{name} — bpviz</translation>
    </message>
    <message>
        <source>About bpviz</source>
        <translation>关于 bpviz</translation>
    </message>
    <message>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Show the window in this language from the next start of bpviz</source>
        <translation>下次启动 bpviz 时以这种语言显示窗口</translation>
    </message>
    <message>
        <source>The language changes when bpviz starts again.</source>
        <translation>语言将在 bpviz 重新启动后更改。</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <source>{name}: bias of {neurons}</source>
        <translation>{name}：{neurons} 的偏置</translation>
    </message>
    <message>
        <source>{name}: bias → {neuron}</source>
        <translation>{name}：偏置 → {neuron}</translation>
    </message>
    <message>
        <source>(click to edit)</source>
        <translation>（点击编辑）</translation>
    </message>
    <message>
        <source>— (not computed yet)</source>
        <translation>—（尚未计算）</translation>
    </message>
    <message>
        <source>{name}: target of {neuron}</source>
        <translation>{name}：{neuron} 的目标值</translation>
    </message>
    <message>
        <source>biases of layer {n} (constant input 1)</source>
        <translation>第 {n} 层的偏置（恒定输入 1）</translation>
    </message>
    <message>
        <source>input</source>
        <translation>输入层</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <source>(not computed yet)</source>
        <translation>（尚未计算）</translation>
    </message>
    <message>
        <source>target {name} = {value}</source>
        <translation>目标值 {name} = {value}</translation>
    </message>
    <message>
        <source>new value of {name} · Enter applies, Esc cancels</source>
        <translation>{name} 的新值 · Enter 应用，Esc 取消</translation>
    </message>
</context>
<context>
    <name>NeuronMap</name>
    <message>
        <source>map: {what} over the input plane (scaled to −1…1): blue &gt; 0, orange &lt; 0</source>
        <translation>热图：{what} 在输入平面上的值（缩放到 −1…1）：蓝 &gt; 0，橙 &lt; 0</translation>
    </message>
    <message>
        <source>map: the probability P of class {cls} over the input plane (softmax output {name}), drawn as 2·P − 1: blue where P &gt; ½, orange where P &lt; ½</source>
        <translation>热图：类别 {cls} 的概率 P 在输入平面上的值（softmax 输出 {name}），画作 2·P − 1：P &gt; ½ 处为蓝，P &lt; ½ 处为橙</translation>
    </message>
    <message>
        <source>map: output of {name} over the input plane: blue &gt; 0, orange &lt; 0</source>
        <translation>热图：{name} 的输出在输入平面上的值：蓝 &gt; 0，橙 &lt; 0</translation>
    </message>
</context>
<context>
    <name>Page</name>
    <message>
        <source>Worked example (2-2-2)</source>
        <translation>计算示例（2-2-2）</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检验</translation>
    </message>
    <message>
        <source>Seed 004: every gradient of backprop beside a numerical derivative of the loss, to catch a wrong backward</source>
        <translation>第 004 篇：反向传播算出的每个梯度与损失的数值导数并排对照，找出错误的反向传播</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>The loss over two directions of parameter space, with the path gradient descent takes over it</source>
        <translation>损失在参数空间两个方向上的取值，以及梯度下降在其上走过的路径</translation>
    </message>
    <message>
        <source>Training playground</source>
        <translation>训练演练场</translation>
    </message>
    <message>
        <source>Parameter trajectories</source>
        <translation>参数轨迹</translation>
    </message>
    <message>
        <source>Seed 001: how weights, gradients and the loss move under batch, mini-batch and stochastic descent</source>
        <translation>第 001 篇：权重、梯度和损失在批量、小批量和随机梯度下降下如何变化</translation>
    </message>
    <message>
        <source>NumPy warm-up (matrices)</source>
        <translation>NumPy 热身（矩阵）</translation>
    </message>
    <message>
        <source>Seed 000: the two-layer ReLU net of PyTorch&apos;s NumPy warm-up as matrices, each line of its code with its shapes</source>
        <translation>第 000 篇：PyTorch 的 NumPy 热身示例中的两层 ReLU 网络，以矩阵呈现，每行代码都标出形状</translation>
    </message>
</context>
<context>
    <name>ParamsEditor</name>
    <message>
        <source>Inputs, targets</source>
        <translation>输入、目标值</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Biases, learning rate</source>
        <translation>偏置、学习率</translation>
    </message>
    <message>
        <source>b₁ (hidden)</source>
        <translation>b₁（隐藏层）</translation>
    </message>
    <message>
        <source>b₂ (output)</source>
        <translation>b₂（输出层）</translation>
    </message>
    <message>
        <source>η (rate)</source>
        <translation>η（学习率）</translation>
    </message>
    <message>
        <source>First input of the example (published: 0.05)</source>
        <translation>示例的第一个输入（原文：0.05）</translation>
    </message>
    <message>
        <source>Second input (published: 0.10)</source>
        <translation>第二个输入（原文：0.10）</translation>
    </message>
    <message>
        <source>Target of output o1 (published: 0.01)</source>
        <translation>输出 o1 的目标值（原文：0.01）</translation>
    </message>
    <message>
        <source>Target of output o2 (published: 0.99)</source>
        <translation>输出 o2 的目标值（原文：0.99）</translation>
    </message>
    <message>
        <source>Bias of both hidden neurons (published: 0.35)</source>
        <translation>两个隐藏层神经元共用的偏置（原文：0.35）</translation>
    </message>
    <message>
        <source>Bias of both output neurons (published: 0.60)</source>
        <translation>两个输出层神经元共用的偏置（原文：0.60）</translation>
    </message>
    <message>
        <source>Learning rate η of the update w⁺ = w − η·∂E/∂w (published: 0.5); must be &gt; 0</source>
        <translation>更新 w⁺ = w − η·∂E/∂w 中的学习率 η（原文：0.5）；必须 &gt; 0</translation>
    </message>
    <message>
        <source>{name}: {typed} is not a number</source>
        <translation>{name}：{typed} 不是数</translation>
    </message>
    <message>
        <source>{name}: {typed} is not a finite number</source>
        <translation>{name}：{typed} 不是有限的数</translation>
    </message>
    <message>
        <source>the learning rate must be greater than 0, got {typed}</source>
        <translation>学习率必须大于 0，得到的是 {typed}</translation>
    </message>
    <message>
        <source>Weight {name}: {edge} (press Enter to apply)</source>
        <translation>权重 {name}：{edge}（按 Enter 应用）</translation>
    </message>
    <message>
        <source>Update biases too</source>
        <translation>同时更新偏置</translation>
    </message>
    <message>
        <source>The published example keeps b1 and b2 fixed; tick to update them as well</source>
        <translation>原文示例中 b1 和 b2 保持不变；勾选后它们也会更新</translation>
    </message>
    <message>
        <source>Reset to published values</source>
        <translation>恢复为原文数值</translation>
    </message>
    <message>
        <source>Refused: {reason}. Kept {name} = {value}.</source>
        <translation>已拒绝：{reason}。保留 {name} = {value}。</translation>
    </message>
</context>
<context>
    <name>Phase</name>
    <message>
        <source>Forward pass</source>
        <extracomment>what View &gt; Language offers: (setting, name shown in the menu: each in its own language)</extracomment>
        <translation>前向传播</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>误差</translation>
    </message>
    <message>
        <source>Backward pass</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <source>The batch: mean of the samples&apos; gradients</source>
        <translation>批量：各样本梯度的平均</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Given</source>
        <translation>已知</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
</context>
<context>
    <name>StepNote</name>
    <message>
        <source>the layer of {n} neurons at once: row vector × matrix ({W}: {rows} × {cols}), then each neuron&apos;s own steps</source>
        <translation>一次算出整层 {n} 个神经元：行向量 × 矩阵（{W}：{rows} × {cols}），然后是每个神经元各自的步骤</translation>
    </message>
    <message>
        <source>with {loss} on a {activation} output, ∂E/∂{out} · ∂{out}/∂{net} simplifies to {out} − {target}</source>
        <translation>{loss} 配合 {activation} 输出时，∂E/∂{out} · ∂{out}/∂{net} 化简为 {out} − {target}</translation>
    </message>
</context>
<context>
    <name>StepTree</name>
    <message>
        <source>Quantity</source>
        <translation>量</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Click a step to jump to it; the arrow keys step through the pass</source>
        <translation>点击某一步可跳到该步；方向键逐步前进或后退</translation>
    </message>
</context>
<context>
    <name>StepperPanel</name>
    <message>
        <source>Previous</source>
        <extracomment>colour of a value by the step&apos;s kind: gradients purple, updated parameters green (as on the diagram)</extracomment>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Previous step (Left arrow)</source>
        <translation>上一步（左方向键）</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step: compute the next quantity (Right arrow)</source>
        <translation>下一步：计算下一个量（右方向键）</translation>
    </message>
    <message>
        <source>Run whole pass</source>
        <translation>整次传播</translation>
    </message>
    <message>
        <source>Run whole pass: show every step at once (End or Ctrl+Return)</source>
        <translation>运行整次传播：一次显示所有步骤（End 或 Ctrl+Return）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Reset: back to before the first step (Home)</source>
        <translation>重置：回到第一步之前（Home）</translation>
    </message>
    <message>
        <source>{n} steps</source>
        <translation>{n} 步</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 步</translation>
    </message>
    <message>
        <source>&lt;b&gt;No example loaded&lt;/b&gt;</source>
        <translation>&lt;b&gt;未加载示例&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step 0 of {n}&lt;/b&gt; · nothing computed yet</source>
        <translation>&lt;b&gt;第 0 步，共 {n} 步&lt;/b&gt; · 尚未计算任何量</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step {k} of {n}&lt;/b&gt; · {phase}</source>
        <translation>&lt;b&gt;第 {k} 步，共 {n} 步&lt;/b&gt; · {phase}</translation>
    </message>
    <message>
        <source>Press &lt;b&gt;Next&lt;/b&gt; (→) to compute {name}, the first quantity of the {phase}.</source>
        <translation>按 &lt;b&gt;下一步&lt;/b&gt;（→）计算 {name}，这是{phase}的第一个量。</translation>
    </message>
    <message>
        <source>Run whole pass (End) shows every step at once.</source>
        <translation>“整次传播”（End）一次显示所有步骤。</translation>
    </message>
    <message>
        <source>That was the last step of the pass. Apply the update (Ctrl+N) to start the next pass from w⁺, or Reset (Home) to step through this one again.</source>
        <translation>这是本次传播的最后一步。应用更新（Ctrl+N）从 w⁺ 开始下一次传播，或者重置（Home）再走一遍这次传播。</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
</context>
</TS>
